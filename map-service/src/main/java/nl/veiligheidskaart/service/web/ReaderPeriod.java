package nl.veiligheidskaart.service.web;

import java.time.Instant;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;

/**
 * The period a reader asks for with {@code from} and {@code to}, checked against the reader's
 * disclosure policy: whole calendar months for every role but ANALYST, ending at the latest where
 * the released figures end. Either end may be open (null) for analysts; for the others an open or
 * later end is the end of the released figures.
 */
record ReaderPeriod(Instant from, Instant to) {

  static ReaderPeriod of(String from, String to, DisclosurePolicy policy) {
    Instant start = DateParameter.instant("from", from);
    Instant end = DateParameter.instant("to", to);
    policy.requirePeriodBoundary("from", start);
    policy.requirePeriodBoundary("to", end);
    end = policy.periodEnd(end);
    if (start != null && end != null && !start.isBefore(end)) {
      throw new InvalidParameterException("from", "from must lie before to" + (policy.exact() ? ""
          : " (your account gets figures up to the start of the current month)"));
    }
    return new ReaderPeriod(start, end);
  }
}
