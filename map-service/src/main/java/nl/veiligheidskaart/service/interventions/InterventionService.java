package nl.veiligheidskaart.service.interventions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.geodata.reference.Municipality;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.api.DisplacementResult;
import nl.veiligheidskaart.service.api.Intervention;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.api.WaterbedAlert;
import nl.veiligheidskaart.service.api.WaterbedCheck;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.config.InterventionTypes;
import nl.veiligheidskaart.service.config.Zones;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.geography.BoundaryIndexes;
import nl.veiligheidskaart.service.identity.Role;
import nl.veiligheidskaart.service.store.InterventionEntity;
import nl.veiligheidskaart.service.store.InterventionRepository;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, edits, lists and removes interventions, each answered with its waterbed check. An
 * ANALYST registers anywhere; a MUNICIPALITY account for its own municipality only, a drawn area
 * included; every reader lists the interventions of the municipalities its policy lets it see.
 */
@Service
@Transactional
public class InterventionService {

  /**
   * What a registration, an edit or a row of an import says, as given: checked by {@link #check}.
   *
   * @param area a drawn target area in RD New, or null when the municipality is the target
   */
  public record Registration(String type, String municipality, Geometry area, LocalDate date, List<String> categories,
      String description) {
  }

  /** A registration that passed every check: codes as stored, the area as a multipolygon. */
  public record Checked(String type, String municipality, MultiPolygon area, LocalDate date, List<String> categories,
      String description) {
  }

  /** What a list may be narrowed to; each part null for "any". */
  public record Filter(String municipality, String type, LocalDate from, LocalDate to) {
  }

  static final int MAX_DESCRIPTION = 2000;
  /** An alert: the buffer's WDD significant at this level (two-sided). */
  static final double ALERT_SIGNIFICANCE = 0.05;
  private static final GeometryFactory RD_NEW = new GeometryFactory(new PrecisionModel(), Crs.RD_NEW.epsg());

  private final InterventionRepository interventions;
  private final InterventionTypes types;
  private final IncidentCategories categories;
  private final ReferenceGeography reference;
  private final BoundaryIndexes boundaries;
  private final WaterbedChecks waterbed;
  private final Clock clock;

  InterventionService(InterventionRepository interventions, InterventionTypes types, IncidentCategories categories,
      ReferenceGeography reference, BoundaryIndexes boundaries, WaterbedChecks waterbed, Clock clock) {
    this.interventions = interventions;
    this.types = types;
    this.categories = categories;
    this.reference = reference;
    this.boundaries = boundaries;
    this.waterbed = waterbed;
    this.clock = clock;
  }

  /**
   * Checks a registration: a known type, a date not in the future, known categories, and either a
   * municipality of Oost-Nederland or a drawn area inside it (then the municipality, when given,
   * must be one it reaches into).
   *
   * @throws InvalidParameterException naming the field at fault; an import's transaction goes on with the next row
   */
  @Transactional(readOnly = true, noRollbackFor = InvalidParameterException.class)
  public Checked check(Registration registration) {
    if (registration.type() == null || registration.type().isBlank()) {
      throw new InvalidParameterException("type", "give the type of intervention; known are " + types.known());
    }
    String type = types.find(registration.type()).map(InterventionTypes.Type::code).orElseThrow(() ->
        new InvalidParameterException("type", "'" + registration.type() + "' is not a type of intervention; known are "
            + types.known()));
    if (registration.date() == null) {
      throw new InvalidParameterException("date", "give the date of the intervention (YYYY-MM-DD)");
    }
    if (registration.date().isAfter(LocalDate.now(clock.withZone(Zones.NETHERLANDS)))) {
      throw new InvalidParameterException("date", "the date " + registration.date() + " lies in the future: register "
          + "an intervention once it has been done");
    }
    List<String> codes = categories.parse(registration.categories(), "categories").stream().distinct().toList();
    if (codes.isEmpty()) {
      throw new InvalidParameterException("categories", "give the incident categories the intervention aims at; "
          + "known are " + categories.known());
    }
    String description = registration.description() == null || registration.description().isBlank() ? null
        : registration.description().strip();
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new InvalidParameterException("description", "the description has " + description.length()
          + " characters; it may have " + MAX_DESCRIPTION);
    }
    String given = registration.municipality() == null || registration.municipality().isBlank() ? null
        : reference.municipality(registration.municipality().strip()).map(Municipality::code).orElseThrow(() ->
            new InvalidParameterException("municipality", "'" + registration.municipality()
                + "' is not a municipality of Oost-Nederland"));
    if (registration.area() == null) {
      if (given == null) {
        throw new InvalidParameterException("municipality", "give the municipality (a code such as GM0164) or draw "
            + "the area (geometry)");
      }
      return new Checked(type, given, null, registration.date(), codes, description);
    }
    MultiPolygon area = multiPolygon(registration.area());
    String municipality = given != null ? given : boundaries.newestLocator()
        .flatMap(locator -> locator.municipalityAt(area.getInteriorPoint().getCoordinate(), 0))
        .orElseThrow(() -> new InvalidParameterException("geometry", "the drawn area does not lie in Oost-Nederland"));
    if (given != null && !covered(area).contains(given)) {
      throw new InvalidParameterException("municipality", "the drawn area does not reach into " + given);
    }
    return new Checked(type, municipality, area, registration.date(), codes, description);
  }

  /** Registers an intervention for the reader, who must be allowed to register for its target. */
  public Intervention register(Registration registration, DisclosurePolicy reader, String username) {
    Checked checked = check(registration);
    requireMayRegister(checked, reader);
    InterventionEntity entity = new InterventionEntity(username, OffsetDateTime.now(clock).withOffsetSameInstant(
        ZoneOffset.UTC));
    describe(entity, checked);
    return answer(interventions.saveAndFlush(entity), reader);
  }

  /** Stores a checked registration as it is, for an import: the importer's account decides who may. */
  public long store(Checked checked, Long id, String username) {
    InterventionEntity entity = id == null
        ? new InterventionEntity(username, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
        : interventions.findById(id).orElseThrow(() -> new InvalidParameterException("id", "there is no intervention "
            + id + " to replace"));
    describe(entity, checked);
    return interventions.save(entity).getId();
  }

  /** Replaces what an intervention says; the reader must be allowed to register both the old and the new target. */
  public Intervention update(long id, Registration registration, DisclosurePolicy reader) {
    InterventionEntity entity = stored(id, reader);
    requireMayRegister(checked(entity), reader);
    Checked checked = check(registration);
    requireMayRegister(checked, reader);
    describe(entity, checked);
    return answer(interventions.saveAndFlush(entity), reader);
  }

  /** Removes an intervention; the municipality it was of, for the audit row. */
  public String delete(long id, DisclosurePolicy reader) {
    InterventionEntity entity = stored(id, reader);
    requireMayRegister(checked(entity), reader);
    interventions.delete(entity);
    return entity.getMunicipalityCode();
  }

  @Transactional(readOnly = true)
  public Intervention find(long id, DisclosurePolicy reader) {
    return answer(stored(id, reader), reader);
  }

  /** The interventions the reader may see that pass the filter, newest first, each with its waterbed check. */
  @Transactional(readOnly = true)
  public List<Intervention> list(Filter filter, DisclosurePolicy reader) {
    return visible(filter, reader).stream().map(entity -> answer(entity, reader)).toList();
  }

  /** The stored interventions the reader may see that pass the filter, newest first. */
  @Transactional(readOnly = true)
  public List<InterventionEntity> visible(Filter filter, DisclosurePolicy reader) {
    if (!reader.seesIncidentFigures()) {
      throw new AccessDeniedException("Interventions and their waterbed checks are figures from incidents: not for "
          + "your role.");
    }
    String municipality = filter.municipality() == null ? null : reference.municipality(filter.municipality().strip())
        .map(Municipality::code).orElseThrow(() -> new InvalidParameterException("municipality", "'"
            + filter.municipality() + "' is not a municipality of Oost-Nederland"));
    if (municipality != null) {
      reader.requireMunicipality(municipality);
    }
    String type = filter.type() == null ? null : types.find(filter.type()).map(InterventionTypes.Type::code)
        .orElseThrow(() -> new InvalidParameterException("type", "'" + filter.type() + "' is not a type of "
            + "intervention; known are " + types.known()));
    List<InterventionEntity> found = new ArrayList<>();
    for (InterventionEntity entity : interventions.findAllByOrderByDateDescIdDesc()) {
      if (reader.maySee(entity.getMunicipalityCode())
          && (municipality == null || entity.getMunicipalityCode().equals(municipality))
          && (type == null || entity.getType().equals(type))
          && (filter.from() == null || !entity.getDate().isBefore(filter.from()))
          && (filter.to() == null || !entity.getDate().isAfter(filter.to()))) {
        found.add(entity);
      }
    }
    return found;
  }

  /**
   * The interventions the reader may see whose waterbed check, in any window and category, shows
   * significant displacement into the buffer (p of the buffer's WDD below 0.05 and a buffer
   * displacement measure above zero), newest first; computed for the reader's policy, so that a
   * non-analyst's alert says nothing its checks do not.
   */
  @Transactional(readOnly = true)
  public List<WaterbedAlert> alerts(DisclosurePolicy reader) {
    List<WaterbedAlert> alerts = new ArrayList<>();
    for (InterventionEntity entity : visible(new Filter(null, null, null, null), reader)) {
      for (WaterbedCheck check : waterbed.checks(entity, reader)) {
        DisplacementResult result = check.result();
        if (result != null && result.bufferDisplacementMeasure() != null && result.bufferDisplacementMeasure() > 0
            && result.bufferWdd() != null && result.bufferWdd().p() != null
            && result.bufferWdd().p() < ALERT_SIGNIFICANCE) {
          alerts.add(new WaterbedAlert(entity.getId(), entity.getType(), typeLabel(entity.getType()),
              entity.getMunicipalityCode(), municipalityName(entity.getMunicipalityCode()), entity.getDate(),
              check.window(), result.periods().category(), check.complete(), result.bufferDisplacementMeasure(),
              result.bufferWdd().z(), result.bufferWdd().p(), result.interpretation().nl()));
        }
      }
    }
    return alerts;
  }

  private InterventionEntity stored(long id, DisclosurePolicy reader) {
    InterventionEntity entity = interventions.findById(id).orElseThrow(() ->
        new NotFoundException("There is no intervention " + id + "."));
    reader.requireMunicipality(entity.getMunicipalityCode());
    return entity;
  }

  /**
   * An ANALYST registers anywhere; a MUNICIPALITY account for its own municipality only, and a drawn
   * area only inside it.
   */
  private void requireMayRegister(Checked checked, DisclosurePolicy reader) {
    if (reader.role() == Role.ANALYST) {
      return;
    }
    if (reader.role() != Role.MUNICIPALITY) {
      throw new AccessDeniedException("Interventions are registered by analysts and municipalities.");
    }
    if (!checked.municipality().equals(reader.municipality())) {
      throw new AccessDeniedException("Your account registers interventions for " + reader.municipality()
          + " only, not for " + checked.municipality() + ".");
    }
    if (checked.area() != null) {
      Set<String> covered = covered(checked.area());
      covered.stream().filter(code -> !code.equals(reader.municipality())).findFirst().ifPresent(code -> {
        throw new AccessDeniedException("The drawn area reaches into " + code + ", outside " + reader.municipality()
            + ": your account registers interventions in its own municipality only.");
      });
    }
  }

  private Set<String> covered(Geometry area) {
    int vintage = boundaries.newestVintage().orElseThrow(() -> new InvalidParameterException("geometry",
        "no municipal boundaries are loaded"));
    return boundaries.covered(area, vintage);
  }

  private static MultiPolygon multiPolygon(Geometry area) {
    if (area instanceof MultiPolygon multi) {
      return multi;
    }
    MultiPolygon multi = RD_NEW.createMultiPolygon(new Polygon[] {(Polygon) area});
    multi.setSRID(Crs.RD_NEW.epsg());
    return multi;
  }

  private static void describe(InterventionEntity entity, Checked checked) {
    entity.describe(checked.type(), checked.municipality(), checked.area(), checked.date(), checked.categories(),
        checked.description());
  }

  private static Checked checked(InterventionEntity entity) {
    return new Checked(entity.getType(), entity.getMunicipalityCode(), entity.getGeometry(), entity.getDate(),
        entity.getCategories(), entity.getDescription());
  }

  /** The intervention as the reader gets it, with its waterbed check computed for the reader's policy. */
  Intervention answer(InterventionEntity entity, DisclosurePolicy reader) {
    Geometry geometry = entity.getGeometry() == null ? null
        : CrsTransform.transform(entity.getGeometry(), Crs.RD_NEW, Crs.WGS84);
    return new Intervention(entity.getId(), entity.getType(), typeLabel(entity.getType()),
        entity.getGeometry() == null ? "municipality" : "area", entity.getMunicipalityCode(),
        municipalityName(entity.getMunicipalityCode()), geometry,
        entity.getDate(), entity.getCategories(), entity.getDescription(), entity.getRegisteredBy(),
        entity.getRegisteredAt(), waterbed.checks(entity, reader));
  }

  /** A type's label; a type no longer configured keeps its code. */
  private String typeLabel(String code) {
    return types.find(code).map(InterventionTypes.Type::label).orElse(code);
  }

  private String municipalityName(String code) {
    return reference.municipality(code).map(Municipality::name).orElse(null);
  }
}
