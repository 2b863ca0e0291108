package nl.veiligheidskaart.service.store;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.query.Condition;
import nl.veiligheidskaart.service.query.Queryables.Type;
import nl.veiligheidskaart.service.query.Queryables;
import org.springframework.stereotype.Repository;

/**
 * Filtered, paged reads of whole incidents (any offset, not only multiples of the page size), with
 * every attribute: the records behind OGC API feature pages and the CSV export. Counts and locations
 * for maps and analyses come from {@link nl.veiligheidskaart.service.incidents.IncidentReadModel}.
 */
@Repository
public class IncidentQueries {

  /** What CQL2 filters on incidents may name, as GIS clients see the properties. */
  public static final Queryables QUERYABLES = Queryables.of("sourceId", Type.STRING, "category", Type.STRING,
      "occurredAt", Type.DATE_TIME, "precision", Type.STRING, "municipality", Type.STRING, "demo", Type.BOOLEAN);
  /** The entity attribute of each queryable but the geometry and the time. */
  private static final Map<String, String> ATTRIBUTES = Map.of("sourceId", "sourceId", "category", "category",
      "precision", "locationPrecision", "municipality", "municipalityCode", "demo", "demo");

  private final EntityManager entityManager;

  IncidentQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  public long count(IncidentFilter filter) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<IncidentEntity> incident = query.from(IncidentEntity.class);
    query.select(cb.count(incident)).where(predicates(filter, cb, incident));
    return entityManager.createQuery(query).getSingleResult();
  }

  /** A page in a stable order: by time, then by source id. */
  public List<IncidentEntity> page(IncidentFilter filter, int offset, int limit) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<IncidentEntity> query = cb.createQuery(IncidentEntity.class);
    Root<IncidentEntity> incident = query.from(IncidentEntity.class);
    query.select(incident).where(predicates(filter, cb, incident))
        .orderBy(cb.asc(incident.get("occurredAt")), cb.asc(incident.get("sourceId")));
    TypedQuery<IncidentEntity> typed = entityManager.createQuery(query);
    return typed.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  private static Predicate[] predicates(IncidentFilter filter, CriteriaBuilder cb, Root<IncidentEntity> incident) {
    List<Predicate> predicates = new ArrayList<>();
    if (filter.categories() != null && !filter.categories().isEmpty()) {
      predicates.add(incident.get("category").in(filter.categories()));
    }
    if (filter.from() != null) {
      predicates.add(cb.greaterThanOrEqualTo(incident.get("occurredAt"), filter.from()));
    }
    if (filter.to() != null) {
      predicates.add(cb.lessThan(incident.get("occurredAt"), filter.to()));
    }
    if (filter.area() != null) {
      predicates.add(cb.isTrue(cb.function("intersects", Boolean.class, incident.get("geometry"),
          cb.literal(filter.area()))));
    }
    if (filter.municipalityCodes() != null && !filter.municipalityCodes().isEmpty()) {
      predicates.add(incident.get("municipalityCode").in(filter.municipalityCodes()));
    }
    if (filter.condition() != null) {
      predicates.add(predicate(filter.condition(), cb, incident));
    }
    return predicates.toArray(Predicate[]::new);
  }

  /** A CQL2 condition as a query predicate, so the database filters and counts (and pages stay exact). */
  private static Predicate predicate(Condition condition, CriteriaBuilder cb, Root<IncidentEntity> incident) {
    if (condition instanceof Condition.And and) {
      return cb.and(and.parts().stream().map(part -> predicate(part, cb, incident)).toArray(Predicate[]::new));
    }
    if (condition instanceof Condition.Or or) {
      return cb.or(or.parts().stream().map(part -> predicate(part, cb, incident)).toArray(Predicate[]::new));
    }
    if (condition instanceof Condition.Not not) {
      return cb.not(predicate(not.part(), cb, incident));
    }
    if (condition instanceof Condition.IsNull isNull) {
      return cb.isNull(incident.get(ATTRIBUTES.get(isNull.property())));
    }
    if (condition instanceof Condition.Intersects intersects) {
      return cb.isTrue(cb.function("intersects", Boolean.class, incident.get("geometry"),
          cb.literal(intersects.areaRdNew())));
    }
    if (condition instanceof Condition.During during) {
      Path<Instant> at = incident.get("occurredAt");
      List<Predicate> bounds = new ArrayList<>();
      if (during.from() != null) {
        bounds.add(cb.greaterThanOrEqualTo(at, during.from()));
      }
      if (during.to() != null) {
        bounds.add(cb.lessThan(at, during.to()));
      }
      return cb.and(bounds.toArray(Predicate[]::new));
    }
    Condition.Compare compare = (Condition.Compare) condition;
    if (compare.value() instanceof LocalDate || compare.value() instanceof Instant) {
      return compareTime(compare, cb, incident.get("occurredAt"));
    }
    Path<Comparable<Object>> attribute = incident.get(ATTRIBUTES.get(compare.property()));
    @SuppressWarnings("unchecked")
    Comparable<Object> value = (Comparable<Object>) compare.value();
    return switch (compare.operator()) {
      case EQ -> cb.equal(attribute, value);
      case NE -> cb.notEqual(attribute, value);
      case LT -> cb.lessThan(attribute, value);
      case LE -> cb.lessThanOrEqualTo(attribute, value);
      case GT -> cb.greaterThan(attribute, value);
      case GE -> cb.greaterThanOrEqualTo(attribute, value);
    };
  }

  /** A comparison of the time of the incident; a date stands for its whole day in Dutch time. */
  private static Predicate compareTime(Condition.Compare compare, CriteriaBuilder cb, Path<Instant> at) {
    Instant start;
    Instant end;
    if (compare.value() instanceof LocalDate date) {
      start = date.atStartOfDay(NETHERLANDS).toInstant();
      end = date.plusDays(1).atStartOfDay(NETHERLANDS).toInstant();
    } else {
      start = (Instant) compare.value();
      end = start;
    }
    return switch (compare.operator()) {
      case EQ -> start.equals(end) ? cb.equal(at, start) : cb.and(cb.greaterThanOrEqualTo(at, start),
          cb.lessThan(at, end));
      case NE -> start.equals(end) ? cb.notEqual(at, start) : cb.or(cb.lessThan(at, start),
          cb.greaterThanOrEqualTo(at, end));
      case LT -> cb.lessThan(at, start);
      case LE -> start.equals(end) ? cb.lessThanOrEqualTo(at, start) : cb.lessThan(at, end);
      case GT -> start.equals(end) ? cb.greaterThan(at, start) : cb.greaterThanOrEqualTo(at, end);
      case GE -> cb.greaterThanOrEqualTo(at, start);
    };
  }
}
