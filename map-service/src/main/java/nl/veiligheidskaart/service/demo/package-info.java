/**
 * Synthetic demo data on the real 76 municipalities: incidents with a planted hot spot and a
 * planted displacement, and demo risk locations, flagged as demo wherever they are shown.
 */
package nl.veiligheidskaart.service.demo;
