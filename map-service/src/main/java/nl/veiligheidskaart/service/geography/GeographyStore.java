package nl.veiligheidskaart.service.geography;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.veiligheidskaart.geodata.boundary.BoundarySet;
import nl.veiligheidskaart.geodata.boundary.DistrictGeometry;
import nl.veiligheidskaart.geodata.boundary.MunicipalityBoundary;
import nl.veiligheidskaart.geodata.reference.District;
import nl.veiligheidskaart.geodata.reference.Municipality;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.store.DistrictEntity;
import nl.veiligheidskaart.service.store.DistrictRepository;
import nl.veiligheidskaart.service.store.MunicipalityBoundaryEntity;
import nl.veiligheidskaart.service.store.MunicipalityBoundaryRepository;
import nl.veiligheidskaart.service.store.MunicipalityEntity;
import nl.veiligheidskaart.service.store.MunicipalityRepository;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Writes the reference geography into the store, each step in one transaction. */
@Service
public class GeographyStore {

  private final MunicipalityRepository municipalities;
  private final MunicipalityBoundaryRepository boundaries;
  private final DistrictRepository districts;
  private final BoundaryIndexes indexes;

  GeographyStore(MunicipalityRepository municipalities, MunicipalityBoundaryRepository boundaries,
      DistrictRepository districts, BoundaryIndexes indexes) {
    this.municipalities = municipalities;
    this.boundaries = boundaries;
    this.districts = districts;
    this.indexes = indexes;
  }

  /** Inserts or updates the districts and municipalities of the fact table that ships with the service. */
  @Transactional
  public void synchroniseFactTable(ReferenceGeography reference) {
    for (District d : reference.districts()) {
      districts.findById(d.code()).ifPresentOrElse(e -> e.update(d.name(), d.province()),
          () -> districts.save(new DistrictEntity(d.code(), d.name(), d.province())));
    }
    districts.flush();
    for (Municipality m : reference.municipalities()) {
      municipalities.findById(m.code()).ifPresentOrElse(e -> e.update(m.name(), m.province(), m.districtCode()),
          () -> municipalities.save(new MunicipalityEntity(m.code(), m.name(), m.province(), m.districtCode())));
    }
  }

  /**
   * Stores a vintage of boundaries unless that vintage is already there, and re-dissolves the
   * districts when it is the newest vintage.
   *
   * @return whether anything was stored
   */
  @Transactional
  public boolean storeVintage(BoundarySet set) {
    if (boundaries.existsByValidFromYear(set.validFromYear())) {
      return false;
    }
    String source = set.source().getFileName().toString();
    for (MunicipalityBoundary b : set.boundaries()) {
      boundaries.save(new MunicipalityBoundaryEntity(b.code(), set.validFromYear(), multiPolygon(b.geometry()), source));
    }
    boundaries.flush();
    if (boundaries.findNewestVintage().orElseThrow() == set.validFromYear()) {
      dissolveDistricts(set.boundaries());
    }
    // After commit: an index built from the uncommitted vintage by a concurrent request would be empty.
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        indexes.invalidate();
      }
    });
    return true;
  }

  private void dissolveDistricts(List<MunicipalityBoundary> newest) {
    Map<String, String> districtOf = municipalities.findAll().stream()
        .collect(Collectors.toMap(MunicipalityEntity::getCode, MunicipalityEntity::getDistrictCode));
    Map<String, List<Geometry>> byDistrict = newest.stream()
        .collect(Collectors.groupingBy(b -> districtOf.get(b.code()),
            Collectors.mapping(MunicipalityBoundary::geometry, Collectors.toList())));
    for (DistrictEntity district : districts.findAll()) {
      List<Geometry> parts = byDistrict.get(district.getCode());
      district.setGeometry(parts == null ? null : multiPolygon(DistrictGeometry.dissolve(parts)));
    }
  }

  static MultiPolygon multiPolygon(Geometry geometry) {
    if (geometry instanceof MultiPolygon multi) {
      return multi;
    }
    if (geometry instanceof Polygon polygon) {
      MultiPolygon multi = geometry.getFactory().createMultiPolygon(new Polygon[] {polygon});
      multi.setSRID(geometry.getSRID());
      return multi;
    }
    throw new IllegalArgumentException("Expected an area, got a " + geometry.getGeometryType());
  }
}
