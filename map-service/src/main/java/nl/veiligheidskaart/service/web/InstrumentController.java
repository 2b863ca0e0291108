package nl.veiligheidskaart.service.web;

import java.util.ArrayList;
import java.util.List;
import nl.veiligheidskaart.service.api.InstrumentGap;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.MunicipalityInstruments;
import nl.veiligheidskaart.service.audit.AuditFacts;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.interventions.InstrumentService;
import nl.veiligheidskaart.service.interventions.InstrumentService.InForce;
import nl.veiligheidskaart.service.interventions.Instrument;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrative instruments per municipality (read by every role that sees aggregates;
 * recorded by ANALYST, and by MUNICIPALITY for its own), and the gaps between neighbours.
 */
@RestController
class InstrumentController {

  /** The body of a PUT: the instruments in force, each with its variant, since-date and note. */
  record InstrumentsBody(List<Entry> instruments) {

    record Entry(String instrument, String variant, String since, String note) {
    }
  }

  private final InstrumentService instruments;

  InstrumentController(InstrumentService instruments) {
    this.instruments = instruments;
  }

  @GetMapping("/api/v1/municipalities/{code}/instruments")
  MunicipalityInstruments instruments(@PathVariable String code) {
    return instruments.of(code);
  }

  @PutMapping("/api/v1/municipalities/{code}/instruments")
  MunicipalityInstruments replace(@PathVariable String code, @RequestBody InstrumentsBody body,
      DisclosurePolicy policy, Authentication user) {
    List<InForce> inForce = body.instruments() == null ? null : new ArrayList<>();
    for (int i = 0; inForce != null && i < body.instruments().size(); i++) {
      InstrumentsBody.Entry entry = body.instruments().get(i);
      inForce.add(new InForce(entry.instrument(), entry.variant(),
          DateParameter.date("instruments[" + i + "].since", entry.since()), entry.note()));
    }
    return instruments.replace(code, inForce, policy, user.getName());
  }

  /** Neighbour pairs where one has an instrument the other lacks; {@code instrument} narrows to one. */
  @GetMapping("/api/v1/analysis/instrument-gaps")
  List<InstrumentGap> gaps(@RequestParam(required = false) String instrument) {
    String only = instrument == null || instrument.isBlank() ? null : Instrument.of(instrument).map(Instrument::code)
        .orElseThrow(() -> new InvalidParameterException("instrument", "'" + instrument + "' is not an instrument"));
    List<InstrumentGap> gaps = instruments.gaps().stream()
        .filter(gap -> only == null || gap.instrument().equals(only)).toList();
    AuditFacts.rows(gaps.size());
    return gaps;
  }
}
