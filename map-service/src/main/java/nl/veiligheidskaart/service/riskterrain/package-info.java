/**
 * Risk terrain modelling (Caplan &amp; Kennedy): which risk layers (the registers of risk locations and
 * point layers an ADMIN imports as risk factors) explain where incidents happen, on a grid over an
 * area, and the relative risk of each cell. Reads the layers and the incidents, refuses work that
 * would cost too much ({@link nl.veiligheidskaart.service.riskterrain.RiskTerrainCost}), and hands
 * arrays to the pure regressions in {@code analysis}.
 */
package nl.veiligheidskaart.service.riskterrain;
