package nl.veiligheidskaart.service.disclosure;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Set;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.config.Zones;
import nl.veiligheidskaart.service.identity.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * What one reader may be told (DESIGN.md, privacy and access), built once per request from the
 * account by {@link DisclosurePolicies}. It is a value: two readers with the same role and scope
 * share it, so it can key caches of tiles and maps.
 *
 * <p>ANALYST sees raw data and exact counts. Every other role sees aggregates only, and for them:
 * <ul>
 * <li>counts below {@code minimumCount} are suppressed (zero included: a blank says nothing of
 *     whether anything happened);
 * <li>every shown count is rounded to a multiple of {@link #ROUNDING_BASE} (CBS-style base-5
 *     rounding, half up), so that a total and its parts never both give exact figures and no
 *     difference of two answers yields a suppressed count exactly;
 * <li>measures are computed from the rounded counts, and withheld when a count behind them is
 *     suppressed, so they say nothing the counts do not;
 * <li>periods are whole calendar months (Dutch time) and end at the latest at the start of the
 *     current month ({@code releasedUntil}): no sliding window can isolate one incident in time;
 * <li>drawn areas are at least {@code minimumDrawnAreaKm2};
 * <li>a MUNICIPALITY account sees only its own municipality and its neighbours
 *     ({@code visibleMunicipalities}); drawn areas must lie wholly inside them.
 * </ul>
 *
 * @param municipality the account's own municipality (MUNICIPALITY only), else null
 * @param visibleMunicipalities the municipalities the reader may see aggregates of, null for all
 * @param releasedUntil for roles other than ANALYST: the start of the current month, the latest end
 *     of a period they may ask for
 */
public record DisclosurePolicy(Role role, String municipality, Set<String> visibleMunicipalities, int minimumCount,
    double minimumDrawnAreaKm2, Instant releasedUntil) {

  /** Counts shown to roles other than ANALYST are multiples of this. */
  public static final int ROUNDING_BASE = 5;

  public DisclosurePolicy {
    visibleMunicipalities = visibleMunicipalities == null ? null : Set.copyOf(visibleMunicipalities);
  }

  /** Whether the reader sees raw points, exact counts and analyses of raw data. */
  public boolean exact() {
    return role == Role.ANALYST;
  }

  /** Whether figures drawn from incidents are any of the reader's business (ADMIN's are not). */
  public boolean seesIncidentFigures() {
    return role.seesIncidentFigures();
  }

  /** @throws AccessDeniedException unless the reader may see raw data (and analyses of it) */
  public void requireRawData(String what) {
    if (!exact()) {
      throw new AccessDeniedException(what + " shows raw data or an analysis of it: analysts only.");
    }
  }

  public boolean maySee(String municipalityCode) {
    return visibleMunicipalities == null || visibleMunicipalities.contains(municipalityCode);
  }

  /** @throws AccessDeniedException when the municipality lies outside the reader's scope */
  public void requireMunicipality(String code) {
    if (!maySee(code)) {
      throw new AccessDeniedException("Your account sees its own municipality and its neighbours, not " + code + ".");
    }
  }

  /**
   * A count as the reader may see it.
   */
  public DisclosedCount count(long count) {
    if (exact()) {
      return DisclosedCount.shown(count);
    }
    if (count < minimumCount) {
      return DisclosedCount.SUPPRESSED;
    }
    return DisclosedCount.shown((count + ROUNDING_BASE / 2) / ROUNDING_BASE * ROUNDING_BASE);
  }

  /** The count as shown, or null when suppressed. */
  public Long shown(long count) {
    return count(count).value();
  }

  /**
   * Checks one end of a period the reader asks for (null: open).
   *
   * @throws InvalidParameterException naming {@code parameter} unless the reader may ask for it
   */
  public void requirePeriodBoundary(String parameter, Instant boundary) {
    if (exact() || boundary == null) {
      return;
    }
    ZonedDateTime time = boundary.atZone(Zones.NETHERLANDS);
    if (time.getDayOfMonth() != 1 || !time.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      throw new InvalidParameterException(parameter, "your account gets figures for whole calendar months only: "
          + parameter + " must be the first day of a month (YYYY-MM-01), not " + time.toLocalDateTime()
          + " (disclosure rule: no period may isolate single incidents)");
    }
  }

  /**
   * The end of a period as the reader gets it: for roles other than ANALYST an open end, or one
   * past the start of the current month, is cut there.
   */
  public Instant periodEnd(Instant to) {
    if (exact()) {
      return to;
    }
    return to == null || to.isAfter(releasedUntil) ? releasedUntil : to;
  }

  /**
   * Checks a drawn area (RD New, m²) and the municipalities it covers.
   *
   * @throws InvalidParameterException naming {@code parameter} when it is smaller than the minimum
   * @throws AccessDeniedException when it reaches outside the reader's municipalities
   */
  public void requireDrawnArea(String parameter, double areaSquareMetres, Set<String> coveredMunicipalities) {
    if (exact()) {
      return;
    }
    if (areaSquareMetres < minimumDrawnAreaKm2 * 1e6) {
      throw new InvalidParameterException(parameter, String.format(Locale.ROOT,
          "a drawn area must be at least %.2f km² for your account (disclosure rule); this one is %.4f km²",
          minimumDrawnAreaKm2, areaSquareMetres / 1e6));
    }
    if (coveredMunicipalities.isEmpty() && visibleMunicipalities != null) {
      throw new AccessDeniedException("The drawn area lies outside the municipalities your account sees.");
    }
    coveredMunicipalities.stream().filter(code -> !maySee(code)).findFirst().ifPresent(code -> {
      throw new AccessDeniedException("The drawn area reaches into " + code + ", outside the municipalities your "
          + "account sees (its own and its neighbours).");
    });
  }
}
