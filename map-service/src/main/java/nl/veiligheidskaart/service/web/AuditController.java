package nl.veiligheidskaart.service.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.veiligheidskaart.service.api.AuditRecord;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.audit.AuditEvent;
import nl.veiligheidskaart.service.audit.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for ADMIN (enforced by the security configuration), newest first, by user, event and period. */
@RestController
class AuditController {

  static final int MAX_LIMIT = 1_000;

  private final AuditLog audit;

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/api/v1/admin/audit")
  List<AuditRecord> audit(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String user,
      @RequestParam(required = false) String event, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    int rows = limit == null ? 100 : limit;
    if (rows < 1 || rows > MAX_LIMIT) {
      throw new InvalidParameterException("limit", "limit lies between 1 and " + MAX_LIMIT);
    }
    AuditEvent kind = event == null || event.isBlank() ? null : AuditEvent.ofCode(event.strip())
        .orElseThrow(() -> new InvalidParameterException("event", "event is one of " + Arrays.stream(AuditEvent.values())
            .map(AuditEvent::code).collect(Collectors.joining(", "))));
    Instant start = DateParameter.instant("from", from);
    Instant end = DateParameter.instant("to", to);
    if (start != null && end != null && !start.isBefore(end)) {
      throw new InvalidParameterException("from", "from must lie before to");
    }
    return audit.find(user == null || user.isBlank() ? null : user.strip().toLowerCase(Locale.ROOT), kind, start,
        end, rows);
  }
}
