package nl.veiligheidskaart.service.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.veiligheidskaart.service.api.AuditRecord;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.config.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit trail (newest first, by user, event and period), recording what happens
 * outside HTTP requests, and keeping it no longer than the configured retention: once a day,
 * entries older than that are deleted.
 */
@Service
public class AuditLog {

  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  private final EntityManager entityManager;
  private final JdbcTemplate jdbc;
  private final Duration retention;
  private final Clock clock;
  private final AuditTrail trail;

  AuditLog(EntityManager entityManager, JdbcTemplate jdbc, VeiligheidskaartProperties properties, Clock clock,
      AuditTrail trail) {
    this.trail = trail;
    this.entityManager = entityManager;
    this.jdbc = jdbc;
    this.retention = Duration.ofDays(properties.audit().retentionDays());
    this.clock = clock;
  }

  /**
   * @param username null for every user
   * @param event null for every kind of event
   * @param from inclusive, or null; {@code to} exclusive, or null
   */
  @Transactional(readOnly = true)
  public List<AuditRecord> find(String username, AuditEvent event, Instant from, Instant to, int limit) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<AuditEntryEntity> query = cb.createQuery(AuditEntryEntity.class);
    Root<AuditEntryEntity> entry = query.from(AuditEntryEntity.class);
    List<Predicate> where = new ArrayList<>();
    if (username != null) {
      where.add(cb.equal(entry.get("username"), username));
    }
    if (event != null) {
      where.add(cb.equal(entry.get("event"), event.code()));
    }
    if (from != null) {
      where.add(cb.greaterThanOrEqualTo(entry.get("accessedAt"), from));
    }
    if (to != null) {
      where.add(cb.lessThan(entry.get("accessedAt"), to));
    }
    query.select(entry).where(where.toArray(Predicate[]::new)).orderBy(cb.desc(entry.get("id")));
    return entityManager.createQuery(query).setMaxResults(limit).getResultList().stream()
        .map(e -> new AuditRecord(e.getId(), e.getEvent(), e.getAccessedAt(), e.getUsername(), e.getRole(),
            e.getMethod(), e.getEndpoint(), e.getParameters(), e.getArea(), e.getPeriod(), e.getStatus(),
            e.getResultRows(), e.getResultBytes(), e.getDetail()))
        .toList();
  }

  /**
   * Records an event that came with no HTTP request, such as an account created on the command
   * line or at the first start: method {@code CLI} and status 0, the command as its endpoint.
   *
   * @throws IllegalStateException when it could not be stored
   */
  public void recordWithoutRequest(AuditEvent event, String username, String command, String detail) {
    trail.store(new AuditEntryEntity(event, clock.instant(), username, null, "CLI", command, null, null, null, 0,
        null, 0, detail));
  }

  /** Deletes the entries older than the retention; every night at 03:30, Dutch time. */
  @Scheduled(cron = "0 30 3 * * *", zone = Zones.NETHERLANDS_ID)
  @Transactional
  public int deleteExpired() {
    Instant before = clock.instant().minus(retention);
    int deleted = jdbc.update("DELETE FROM audit_entry WHERE accessed_at < ?",
        before.atOffset(ZoneOffset.UTC));
    if (deleted > 0) {
      LOG.info("Deleted {} audit entries from before {} (retention {} days)", deleted, before, retention.toDays());
    }
    return deleted;
  }
}
