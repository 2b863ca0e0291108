package nl.veiligheidskaart.service.web;

import nl.veiligheidskaart.service.api.MunicipalityRates;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.hotspots.RateService;
import nl.veiligheidskaart.service.hotspots.RateService.RateOptions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rates per 1,000 inhabitants per municipality, raw or smoothed by empirical Bayes (role ANALYST). */
@RestController
@RequestMapping("/api/v1/analysis")
class RateController {

  private final RateService rates;
  private final IncidentCategories categories;

  RateController(RateService rates, IncidentCategories categories) {
    this.rates = rates;
    this.categories = categories;
  }

  @GetMapping("/rates")
  MunicipalityRates rates(RatesQuery query) {
    RateOptions options = query.options();
    return rates.rates(query.selection(categories, options), options);
  }
}
