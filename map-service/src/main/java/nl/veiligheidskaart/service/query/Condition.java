package nl.veiligheidskaart.service.query;

import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A filter on features, as OGC API Features Part 3 (CQL2) expresses it, checked against the
 * collection's queryables. Properties are queryable names; literals are String, Double, Boolean,
 * {@link java.time.LocalDate} (a whole day in Dutch time) or {@link Instant}.
 */
public sealed interface Condition {

  /** Every part holds. */
  record And(List<Condition> parts) implements Condition {
  }

  /** At least one part holds. */
  record Or(List<Condition> parts) implements Condition {
  }

  record Not(Condition part) implements Condition {
  }

  /** {@code property op value}; a feature without the property never matches. */
  record Compare(String property, Operator operator, Object value) implements Condition {
  }

  record IsNull(String property) implements Condition {
  }

  /** S_INTERSECTS of the feature's geometry with an area, already in RD New. */
  record Intersects(Geometry areaRdNew) implements Condition {
  }

  /** T_INTERSECTS of a temporal property with [from, to); a null end is open. */
  record During(String property, Instant from, Instant to) implements Condition {
  }

  enum Operator { EQ, NE, LT, LE, GT, GE }
}
