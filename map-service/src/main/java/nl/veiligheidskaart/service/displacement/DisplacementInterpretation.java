package nl.veiligheidskaart.service.displacement;

import java.util.Locale;
import nl.veiligheidskaart.service.analysis.DisplacementMeasures;
import nl.veiligheidskaart.service.api.DisplacementResult.Interpretation;

/**
 * What the measures mean, in Dutch for municipal staff and in English, following Bowers and
 * Johnson (2003) for the WDQ and Wheeler and Ratcliffe (2018) for the WDD test at 90 %.
 */
final class DisplacementInterpretation {

  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

  private DisplacementInterpretation() {
  }

  /** displacement or diffusion: the target improved and the buffer's WDD is significant at 90 %; else null. */
  static String flag(DisplacementMeasures.Result result) {
    boolean success = result.successMeasure().defined() && result.successMeasure().value() < 0;
    DisplacementMeasures.Wdd buffer = result.bufferWdd();
    if (!success || !buffer.significantAt90()) {
      return null;
    }
    return buffer.estimate() > 0 ? "displacement" : "diffusion";
  }

  /** Why there are no measures: a count behind them is too small to show to the reader. */
  static Interpretation withheld(int minimumCount) {
    return new Interpretation("De waterbedcheck kan voor uw account niet worden getoond: in het doelgebied, de "
        + "buurgemeenten of het controlegebied zijn minder dan " + minimumCount + " incidenten geregistreerd. Zulke "
        + "kleine aantallen kunnen naar personen herleid worden. Kies een langere periode of een ander thema.",
        "The waterbed check is withheld for your account: the target, the buffer or the control has fewer than "
        + minimumCount + " incidents, a number small enough to point at individuals. Choose a longer period or "
        + "another theme.");
  }

  static Interpretation of(DisplacementMeasures.Result result, String target) {
    StringBuilder nl = new StringBuilder();
    StringBuilder en = new StringBuilder();
    DisplacementMeasures.Value sm = result.successMeasure();
    if (!sm.defined()) {
      nl.append("Het effect in ").append(target).append(" is niet te bepalen: het controlegebied had geen incidenten")
          .append(" in een van beide perioden. ");
      en.append("The effect in ").append(target).append(" cannot be determined: ").append(sm.notDefinedBecause())
          .append(". ");
    } else if (sm.value() < 0) {
      nl.append("In ").append(target).append(" daalde de criminaliteit ten opzichte van het controlegebied (SM ")
          .append(number(sm.value(), 4)).append("). ");
      en.append("In ").append(target).append(" crime fell relative to the control area (SM ")
          .append(String.format(Locale.ROOT, "%.4f", sm.value())).append("). ");
    } else {
      nl.append("In ").append(target).append(" daalde de criminaliteit niet ten opzichte van het controlegebied (SM ")
          .append(number(sm.value(), 4)).append("), dus er is geen succes om verplaatsing van te wegen; de WDQ is ")
          .append("niet gedefinieerd. ");
      en.append("In ").append(target).append(" crime did not fall relative to the control area (SM ")
          .append(String.format(Locale.ROOT, "%.4f", sm.value())).append("), so there is no success whose ")
          .append("displacement could be weighed; the WDQ is not defined. ");
    }
    DisplacementMeasures.Value wdq = result.wdq();
    if (wdq.defined()) {
      double q = wdq.value();
      if (q > 1) {
        nl.append("WDQ ").append(number(q, 2)).append(": de omliggende gemeenten profiteerden mee, meer nog dan het")
            .append(" doelgebied zelf (uitstraling van gunstige effecten). ");
        en.append("WDQ ").append(String.format(Locale.ROOT, "%.2f", q)).append(": the buffer benefited even more ")
            .append("than the target (diffusion of benefits). ");
      } else if (q > 0) {
        nl.append("WDQ ").append(number(q, 2)).append(": ook de omliggende gemeenten gingen erop vooruit ")
            .append("(uitstraling van gunstige effecten, geen waterbedeffect). ");
        en.append("WDQ ").append(String.format(Locale.ROOT, "%.2f", q)).append(": the buffer improved too ")
            .append("(diffusion of benefits, no displacement). ");
      } else if (q == 0) {
        nl.append("WDQ 0: in de omliggende gemeenten veranderde niets ten opzichte van de controle. ");
        en.append("WDQ 0: nothing changed in the buffer relative to the control. ");
      } else if (q >= -1) {
        nl.append("WDQ ").append(number(q, 2)).append(": een deel van de criminaliteit verplaatste zich naar de ")
            .append("omliggende gemeenten (waterbedeffect), maar minder dan er in het doelgebied verdween. ");
        en.append("WDQ ").append(String.format(Locale.ROOT, "%.2f", q)).append(": some crime moved into the ")
            .append("buffer (displacement), but less than the target lost. ");
      } else {
        nl.append("WDQ ").append(number(q, 2)).append(": er verplaatste zich meer criminaliteit naar de omliggende ")
            .append("gemeenten dan er in het doelgebied verdween (sterk waterbedeffect). ");
        en.append("WDQ ").append(String.format(Locale.ROOT, "%.2f", q)).append(": more crime moved into the buffer ")
            .append("than the target lost (displacement exceeding the success). ");
      }
    }
    DisplacementMeasures.Wdd wdd = result.wdd();
    if (wdd.z() == null) {
      nl.append("De WDD-toets is niet uit te voeren: ").append(wdd.notDefinedBecause() == null ? "te weinig gegevens"
          : "te weinig gegevens (" + wdd.notDefinedBecause() + ")").append('.');
      en.append("The WDD test cannot be done: ").append(wdd.notDefinedBecause()).append('.');
    } else {
      String estimate = number(wdd.estimate(), 1);
      String interval = number(wdd.ci90()[0], 1) + " tot " + number(wdd.ci90()[1], 1);
      if (wdd.significantAt90() && wdd.estimate() < 0) {
        nl.append("Netto, doelgebied en omliggende gemeenten samen, daalde de criminaliteit met ongeveer ")
            .append(number(-wdd.estimate(), 1)).append(" incidenten meer dan de trend van het controlegebied liet ")
            .append("verwachten; dat is statistisch significant (90 %-interval ").append(interval).append(").");
      } else if (wdd.significantAt90()) {
        nl.append("Netto, doelgebied en omliggende gemeenten samen, steeg de criminaliteit met ongeveer ")
            .append(estimate).append(" incidenten ten opzichte van de trend van het controlegebied; dat is ")
            .append("statistisch significant (90 %-interval ").append(interval).append(").");
      } else {
        nl.append("Netto (WDD ").append(estimate).append(", 90 %-interval ").append(interval).append(") is het ")
            .append("verschil met de trend van het controlegebied niet statistisch significant; het kan toeval zijn.");
      }
      en.append(String.format(Locale.ROOT, "WDD %.1f (90%% CI %.1f to %.1f, z = %.2f): %s.", wdd.estimate(),
          wdd.ci90()[0], wdd.ci90()[1], wdd.z(), !wdd.significantAt90() ? "not significant at 90%"
              : wdd.estimate() < 0 ? "a significant net reduction beyond the control's trend"
                  : "a significant net increase beyond the control's trend"));
    }
    return new Interpretation(nl.toString().strip(), en.toString().strip());
  }

  /** A number as Dutch readers write it: decimal comma, minus sign. */
  static String number(double value, int decimals) {
    return String.format(DUTCH, "%." + decimals + "f", value);
  }
}
