package nl.veiligheidskaart.service.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Repository;

/** Filtered, paged reads of incidents (any offset, not only multiples of the page size). */
@Repository
public class IncidentQueries {

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

  /** The locations (RD New) of all matching incidents, for analyses; only the geometry is read. */
  public List<Point> points(IncidentFilter filter) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<Point> query = cb.createQuery(Point.class);
    Root<IncidentEntity> incident = query.from(IncidentEntity.class);
    query.select(incident.get("geometry")).where(predicates(filter, cb, incident));
    return entityManager.createQuery(query).getResultList();
  }

  /** How many matching incidents each municipality has. */
  public Map<String, Long> countsByMunicipality(IncidentFilter filter) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
    Root<IncidentEntity> incident = query.from(IncidentEntity.class);
    query.multiselect(incident.get("municipalityCode"), cb.count(incident)).where(predicates(filter, cb, incident))
        .groupBy(incident.get("municipalityCode"));
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row : entityManager.createQuery(query).getResultList()) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return counts;
  }

  /** The locations and times of all matching incidents, for analyses over time steps. */
  public List<Object[]> pointsAndTimes(IncidentFilter filter) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
    Root<IncidentEntity> incident = query.from(IncidentEntity.class);
    query.multiselect(incident.get("geometry"), incident.get("occurredAt")).where(predicates(filter, cb, incident));
    return entityManager.createQuery(query).getResultList();
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
    return predicates.toArray(Predicate[]::new);
  }
}
