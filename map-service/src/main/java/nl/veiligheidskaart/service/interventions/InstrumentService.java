package nl.veiligheidskaart.service.interventions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.geodata.contiguity.MunicipalityContiguity;
import nl.veiligheidskaart.geodata.reference.Municipality;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.api.InstrumentGap;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.MunicipalityInstruments;
import nl.veiligheidskaart.service.api.MunicipalityInstruments.InstrumentState;
import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.config.Zones;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.geography.BoundaryIndexes;
import nl.veiligheidskaart.service.identity.Role;
import nl.veiligheidskaart.service.store.DataChangedEvent;
import nl.veiligheidskaart.service.store.MunicipalityInstrumentEntity;
import nl.veiligheidskaart.service.store.MunicipalityInstrumentRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which administrative instruments each municipality has in force, and the gaps between
 * neighbours (the queen-contiguity neighbour list every waterbed check uses): one has an
 * instrument, the other lacks it.
 */
@Service
@Transactional
public class InstrumentService {

  /** The layer name of a change of the instruments, for the map's caches and the other replicas. */
  public static final String LAYER = "instruments";
  static final int MAX_VARIANT = 255;

  /** One instrument a municipality has in force, as a request gives it. */
  public record InForce(String instrument, String variant, LocalDate since, String note) {
  }

  private final MunicipalityInstrumentRepository instruments;
  private final ReferenceGeography reference;
  private final BoundaryIndexes boundaries;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  InstrumentService(MunicipalityInstrumentRepository instruments, ReferenceGeography reference,
      BoundaryIndexes boundaries, ApplicationEventPublisher events, Clock clock) {
    this.instruments = instruments;
    this.reference = reference;
    this.boundaries = boundaries;
    this.events = events;
    this.clock = clock;
  }

  /** Every instrument of the municipality, in force or not. */
  @Transactional(readOnly = true)
  public MunicipalityInstruments of(String code) {
    Municipality municipality = municipality(code);
    Map<Instrument, MunicipalityInstrumentEntity> inForce = inForce(instruments.findByMunicipalityCode(
        municipality.code()));
    List<InstrumentState> states = new ArrayList<>();
    for (Instrument instrument : Instrument.values()) {
      MunicipalityInstrumentEntity entity = inForce.get(instrument);
      states.add(entity == null
          ? new InstrumentState(instrument.code(), instrument.label(), false, null, null, null, null, null)
          : new InstrumentState(instrument.code(), instrument.label(), true, entity.getVariant(),
              entity.getInForceSince(), entity.getNote(), entity.getUpdatedBy(), entity.getUpdatedAt()));
    }
    return new MunicipalityInstruments(municipality.code(), municipality.name(), states);
  }

  /**
   * Replaces the instruments the municipality has in force by the given ones (an instrument left out
   * is not in force). ANALYST for any municipality, MUNICIPALITY for its own.
   *
   * @param given the instruments in force; null is refused (after the reader's right to record them is checked)
   * @throws InvalidParameterException naming the entry at fault, e.g. {@code instruments[1].since}
   */
  public MunicipalityInstruments replace(String code, List<InForce> given, DisclosurePolicy reader,
      String username) {
    Municipality municipality = municipality(code);
    if (reader.role() != Role.ANALYST
        && (reader.role() != Role.MUNICIPALITY || !municipality.code().equals(reader.municipality()))) {
      throw new AccessDeniedException("The instruments of " + municipality.code() + " are recorded by analysts and by "
          + "the municipality itself.");
    }
    if (given == null) {
      throw new InvalidParameterException("instruments", "give the instruments in force as a list (empty for none)");
    }
    LocalDate today = LocalDate.now(clock.withZone(Zones.NETHERLANDS));
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    Map<Instrument, Integer> seen = new EnumMap<>(Instrument.class);
    List<MunicipalityInstrumentEntity> entities = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      InForce entry = given.get(i);
      String field = "instruments[" + i + "]";
      if (entry.instrument() == null) {
        throw new InvalidParameterException(field + ".instrument", "name the instrument; known are "
            + Instrument.known());
      }
      Instrument instrument = Instrument.of(entry.instrument()).orElseThrow(() -> new InvalidParameterException(
          field + ".instrument", "'" + entry.instrument() + "' is not an instrument; known are " + Instrument.known()));
      Integer earlier = seen.put(instrument, i);
      if (earlier != null) {
        throw new InvalidParameterException(field + ".instrument", instrument.code() + " is given twice: also as "
            + "instruments[" + earlier + "]");
      }
      if (entry.since() != null && entry.since().isAfter(today)) {
        throw new InvalidParameterException(field + ".since", "the date " + entry.since() + " lies in the future");
      }
      String variant = text(entry.variant(), MAX_VARIANT, field + ".variant");
      String note = text(entry.note(), InterventionService.MAX_DESCRIPTION, field + ".note");
      entities.add(new MunicipalityInstrumentEntity(municipality.code(), instrument.code(), variant, entry.since(),
          note, username, now));
    }
    instruments.deleteByMunicipalityCode(municipality.code());
    instruments.saveAll(entities);
    // the map's caches and the other replicas follow once the change is committed
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        events.publishEvent(new DataChangedEvent(LAYER));
      }
    });
    return of(municipality.code());
  }

  /**
   * Every pair of neighbours of which one has an instrument in force that the other lacks, by
   * instrument, then by the municipality that has it, then its neighbour.
   */
  @Transactional(readOnly = true)
  public List<InstrumentGap> gaps() {
    int vintage = boundaries.newestVintage().orElseThrow(() -> new InvalidParameterException("instrument",
        "no municipal boundaries are loaded; the neighbours come from them"));
    MunicipalityContiguity neighbours = boundaries.contiguity(vintage);
    Map<String, Map<Instrument, MunicipalityInstrumentEntity>> byMunicipality = new HashMap<>();
    for (MunicipalityInstrumentEntity entity : instruments.findAll()) {
      Instrument.of(entity.getInstrument()).ifPresent(instrument -> byMunicipality
          .computeIfAbsent(entity.getMunicipalityCode(), code -> new EnumMap<>(Instrument.class))
          .put(instrument, entity));
    }
    List<InstrumentGap> gaps = new ArrayList<>();
    for (Instrument instrument : Instrument.values()) {
      for (String code : neighbours.codes().stream().sorted().toList()) {
        MunicipalityInstrumentEntity has = byMunicipality.getOrDefault(code, Map.of()).get(instrument);
        if (has == null) {
          continue;
        }
        for (String neighbour : neighbours.neighbours(code)) {
          if (!byMunicipality.getOrDefault(neighbour, Map.of()).containsKey(instrument)) {
            gaps.add(new InstrumentGap(instrument.code(), instrument.label(), side(code), side(neighbour),
                has.getInForceSince()));
          }
        }
      }
    }
    return gaps;
  }

  private InstrumentGap.Side side(String code) {
    return new InstrumentGap.Side(code, reference.municipality(code).map(Municipality::name).orElse(code));
  }

  private Municipality municipality(String code) {
    return reference.municipality(code.strip()).orElseThrow(() -> new NotFoundException("'" + code
        + "' is not a municipality of Oost-Nederland."));
  }

  private static Map<Instrument, MunicipalityInstrumentEntity> inForce(List<MunicipalityInstrumentEntity> entities) {
    Map<Instrument, MunicipalityInstrumentEntity> map = new EnumMap<>(Instrument.class);
    entities.forEach(entity -> Instrument.of(entity.getInstrument()).ifPresent(i -> map.put(i, entity)));
    return map;
  }

  private static String text(String value, int maxLength, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.length() > maxLength) {
      throw new InvalidParameterException(field, "it has " + text.length() + " characters; it may have " + maxLength);
    }
    return text;
  }
}
