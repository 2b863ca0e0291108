package nl.veiligheidskaart.service.query;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.time.Instant;
import java.time.LocalDate;
import nl.veiligheidskaart.service.api.Feature;

/** Whether a feature in RD New meets a condition: the filter of the collections held in memory. */
public final class FeatureMatch {


  private FeatureMatch() {
  }

  public static boolean matches(Condition condition, Feature feature) {
    if (condition instanceof Condition.And and) {
      return and.parts().stream().allMatch(part -> matches(part, feature));
    }
    if (condition instanceof Condition.Or or) {
      return or.parts().stream().anyMatch(part -> matches(part, feature));
    }
    if (condition instanceof Condition.Not not) {
      return !matches(not.part(), feature);
    }
    if (condition instanceof Condition.IsNull isNull) {
      return feature.properties().get(isNull.property()) == null;
    }
    if (condition instanceof Condition.Intersects intersects) {
      return feature.geometry() != null && feature.geometry().intersects(intersects.areaRdNew());
    }
    if (condition instanceof Condition.During during) {
      Instant[] span = span(feature.properties().get(during.property()));
      return span != null && (during.to() == null || span[0].isBefore(during.to()))
          && (during.from() == null || span[1].isAfter(during.from()));
    }
    Condition.Compare compare = (Condition.Compare) condition;
    return compare(compare, feature.properties().get(compare.property()));
  }

  private static boolean compare(Condition.Compare compare, Object value) {
    if (value == null) {
      return false;
    }
    int order;
    if (compare.value() instanceof Double number && value instanceof Number actual) {
      order = Double.compare(actual.doubleValue(), number);
    } else if (compare.value() instanceof LocalDate date && value instanceof LocalDate actual) {
      order = actual.compareTo(date);
    } else if (compare.value() instanceof Instant instant && value instanceof LocalDate actual) {
      order = span(actual)[0].compareTo(instant);
    } else if (compare.value() instanceof String text && value instanceof String actual) {
      order = actual.compareTo(text);
    } else if (compare.value() instanceof Boolean flag && value instanceof Boolean actual) {
      order = actual.equals(flag) ? 0 : 1;
    } else {
      return false;
    }
    return switch (compare.operator()) {
      case EQ -> order == 0;
      case NE -> order != 0;
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
    };
  }

  /** The time a temporal property covers: a whole Dutch day for a date. */
  private static Instant[] span(Object value) {
    if (value instanceof LocalDate date) {
      return new Instant[] {date.atStartOfDay(NETHERLANDS).toInstant(), date.plusDays(1).atStartOfDay(NETHERLANDS)
          .toInstant()};
    }
    return null;
  }
}
