package nl.veiligheidskaart.service.web;

import nl.veiligheidskaart.service.api.NearRepeatTable;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.hotspots.NearRepeatService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Near repeats: the Knox test of pairs of incidents per distance × day band (role ANALYST: an
 * analysis of raw points, whose small pair counts say where and when single incidents happened).
 */
@RestController
@RequestMapping("/api/v1/analysis")
class NearRepeatController {

  private final NearRepeatService nearRepeats;
  private final IncidentCategories categories;

  NearRepeatController(NearRepeatService nearRepeats, IncidentCategories categories) {
    this.nearRepeats = nearRepeats;
    this.categories = categories;
  }

  @GetMapping("/near-repeat")
  NearRepeatTable nearRepeat(AnalysisQuery query,
      @RequestParam(defaultValue = "0,100,200,400,800") String distanceBands,
      @RequestParam(defaultValue = "0,7,14,21,28") String dayBands) {
    NearRepeatService.Options options = new NearRepeatService.Options(BandBreaks.metres("distanceBands", distanceBands),
        BandBreaks.days("dayBands", dayBands), query.permutationsOr(999), query.seedOrDefault());
    return nearRepeats.knox(query.selection(categories), options);
  }
}
