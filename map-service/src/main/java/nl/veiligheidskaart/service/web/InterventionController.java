package nl.veiligheidskaart.service.web;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.veiligheidskaart.service.api.Intervention;
import nl.veiligheidskaart.service.api.WaterbedAlert;
import nl.veiligheidskaart.service.audit.AuditFacts;
import nl.veiligheidskaart.service.config.InterventionTypes;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.interventions.InterventionCsv;
import nl.veiligheidskaart.service.interventions.InterventionService;
import nl.veiligheidskaart.service.interventions.InterventionService.Filter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The register of interventions, each answered with its waterbed check, and the alerts those
 * checks raise. Reading: ANALYST, BBG, and MUNICIPALITY for its own municipality and its
 * neighbours; registering, editing and removing: ANALYST anywhere, MUNICIPALITY for its own
 * municipality. Every change is an audit row with the municipality as its area.
 */
@RestController
class InterventionController {

  private final InterventionService interventions;
  private final InterventionTypes types;

  InterventionController(InterventionService interventions, InterventionTypes types) {
    this.interventions = interventions;
    this.types = types;
  }

  @PostMapping("/api/v1/interventions")
  ResponseEntity<Intervention> register(@RequestBody InterventionBody body, DisclosurePolicy policy,
      Authentication user) {
    Intervention registered = interventions.register(body.registration(), policy, user.getName());
    audit(registered);
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(HttpHeaders.LOCATION, "/api/v1/interventions/" + registered.id()).body(registered);
  }

  @GetMapping("/api/v1/interventions")
  List<Intervention> list(@RequestParam(required = false) String municipality,
      @RequestParam(required = false) String type, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, DisclosurePolicy policy) {
    List<Intervention> found = interventions.list(filter(municipality, type, from, to), policy);
    AuditFacts.rows(found.size());
    return found;
  }

  /** The register as CSV, in the columns the import takes (without the waterbed checks). */
  @GetMapping(path = "/api/v1/interventions/export", produces = "text/csv")
  ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String municipality,
      @RequestParam(required = false) String type, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, DisclosurePolicy policy) {
    var rows = interventions.visible(filter(municipality, type, from, to), policy);
    AuditFacts.rows(rows.size());
    StreamingResponseBody body = out -> {
      try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
        InterventionCsv.write(rows, writer);
      }
    };
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"interventies.csv\"").body(body);
  }

  /** The types the register takes, with their Dutch labels, for the viewer's form. */
  @GetMapping("/api/v1/interventions/types")
  List<InterventionTypes.Type> types() {
    return types.types();
  }

  @GetMapping("/api/v1/interventions/{id}")
  Intervention find(@PathVariable long id, DisclosurePolicy policy) {
    Intervention found = interventions.find(id, policy);
    AuditFacts.area(found.municipality());
    return found;
  }

  @PutMapping("/api/v1/interventions/{id}")
  Intervention update(@PathVariable long id, @RequestBody InterventionBody body, DisclosurePolicy policy) {
    Intervention updated = interventions.update(id, body.registration(), policy);
    audit(updated);
    return updated;
  }

  @DeleteMapping("/api/v1/interventions/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable long id, DisclosurePolicy policy) {
    AuditFacts.area(interventions.delete(id, policy));
  }

  /** Interventions whose waterbed check shows significant displacement into the buffer, newest first. */
  @GetMapping("/api/v1/alerts")
  List<WaterbedAlert> alerts(DisclosurePolicy policy) {
    List<WaterbedAlert> alerts = interventions.alerts(policy);
    AuditFacts.rows(alerts.size());
    return alerts;
  }

  private static Filter filter(String municipality, String type, String from, String to) {
    return new Filter(blank(municipality), blank(type), DateParameter.date("from", from),
        DateParameter.date("to", to));
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static void audit(Intervention intervention) {
    AuditFacts.area(intervention.municipality());
    AuditFacts.period(intervention.date().toString(), intervention.date().toString());
  }
}
