package nl.veiligheidskaart.service.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Watches for differencing: one account asking the same endpoint with the same parameters over
 * and over, varying only what narrows a figure down (the period, the themes, the area), so that
 * the differences between suppressed or rounded answers give away a small count. More than
 * {@code differencing-queries} different such queries within {@code differencing-window} raise an
 * alert: once per burst (the burst is over when the count is back under the threshold), and at
 * most one per account per window, so that a map of forty tiles raises one alert, not forty.
 * Kept in memory per replica: a burst spread over replicas by the load balancer is seen in parts.
 */
@Component
class QueryBurstWatch {

  /** The parameters a differencing attack varies; the others stay the same within a burst. */
  static final Set<String> VARYING = Set.of("from", "to", "category", "bbox", "area", "municipality", "district",
      "target", "control", "period", "datetime", "interventionDate", "window", "before", "after", "measure");
  /** Bounds the memory one account can take: the endpoints it is watched on at once. */
  private static final int MAX_FAMILIES_PER_ACCOUNT = 200;

  private final int threshold;
  private final Duration window;
  private final Cache<String, AccountWatch> accounts;

  QueryBurstWatch(VeiligheidskaartProperties properties) {
    this.threshold = properties.audit().differencingQueries();
    this.window = properties.audit().differencingWindow();
    this.accounts = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(100_000).build();
  }

  /** The roles whose figures are suppressed: for analysts nothing is hidden, and the ADMIN sees no figures. */
  static boolean watches(Role role) {
    return role != Role.ANALYST && role.seesIncidentFigures();
  }

  /**
   * Notes an answered query; returns the alert's text when it makes a burst.
   *
   * @param bodyArea the area a request body asked for (a drawn area), null when none; likewise {@code bodyPeriod}
   */
  Optional<String> observe(String username, String method, String path, Map<String, String[]> query, String bodyArea,
      String bodyPeriod, Instant now) {
    Map<String, String> fixed = new TreeMap<>();
    Map<String, String> varied = new TreeMap<>();
    query.forEach((name, values) -> (VARYING.contains(name) ? varied : fixed).put(name, String.join(",", values)));
    if (bodyArea != null) {
      varied.putIfAbsent("area", bodyArea);
    }
    if (bodyPeriod != null) {
      varied.putIfAbsent("period", bodyPeriod);
    }
    String endpoint = method + " " + path;
    return accounts.get(username, name -> new AccountWatch()).observe(endpoint + " " + fixed, endpoint, varied, now);
  }

  private final class AccountWatch {

    /** Per endpoint and fixed parameters: the different queries in the window, oldest first, with when last seen. */
    private final Map<String, Family> families = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Family> eldest) {
        return size() > MAX_FAMILIES_PER_ACCOUNT;
      }
    };
    private Instant lastAlert;

    synchronized Optional<String> observe(String familyKey, String endpoint, Map<String, String> varied,
        Instant now) {
      Family family = families.computeIfAbsent(familyKey, key -> new Family());
      family.queries.remove(varied);
      family.queries.put(varied, now);
      Instant start = now.minus(window);
      for (Iterator<Instant> seen = family.queries.values().iterator(); seen.hasNext(); ) {
        if (seen.next().isAfter(start)) {
          break;
        }
        seen.remove();
      }
      // Only threshold + 1 queries are needed to know there is a burst.
      if (family.queries.size() > threshold + 1) {
        Iterator<Instant> oldest = family.queries.values().iterator();
        oldest.next();
        oldest.remove();
      }
      if (family.queries.size() <= threshold) {
        family.alerted = false;
        return Optional.empty();
      }
      if (family.alerted || lastAlert != null && lastAlert.isAfter(start)) {
        return Optional.empty();
      }
      family.alerted = true;
      lastAlert = now;
      return Optional.of("More than " + threshold + " near-identical queries within " + window.toMinutes()
          + " minutes to " + endpoint + ", differing only in "
          + String.join(", ", differing(family.queries.keySet())) + " (a possible differencing attempt)");
    }

    private static Set<String> differing(Iterable<Map<String, String>> queries) {
      List<Map<String, String>> all = new ArrayList<>();
      queries.forEach(all::add);
      Set<String> names = new TreeSet<>();
      all.forEach(query -> names.addAll(query.keySet()));
      names.removeIf(name -> all.stream().map(query -> query.get(name)).distinct().count() == 1);
      return names;
    }
  }

  private static final class Family {
    private final LinkedHashMap<Map<String, String>, Instant> queries = new LinkedHashMap<>();
    private boolean alerted;
  }
}
