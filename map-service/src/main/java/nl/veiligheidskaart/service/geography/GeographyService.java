package nl.veiligheidskaart.service.geography;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.FeatureCollection;
import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.store.DistrictEntity;
import nl.veiligheidskaart.service.store.DistrictRepository;
import nl.veiligheidskaart.service.store.MunicipalityBoundaryEntity;
import nl.veiligheidskaart.service.store.MunicipalityBoundaryRepository;
import nl.veiligheidskaart.service.store.MunicipalityEntity;
import nl.veiligheidskaart.service.store.MunicipalityRepository;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Municipalities and districts as features, on the newest boundary vintage loaded. */
@Service
@Transactional(readOnly = true)
public class GeographyService {

  private final MunicipalityRepository municipalities;
  private final MunicipalityBoundaryRepository boundaries;
  private final DistrictRepository districts;
  private final BoundaryIndexes indexes;
  private final ReferenceGeography reference;

  GeographyService(MunicipalityRepository municipalities, MunicipalityBoundaryRepository boundaries,
      DistrictRepository districts, BoundaryIndexes indexes, ReferenceGeography reference) {
    this.municipalities = municipalities;
    this.boundaries = boundaries;
    this.districts = districts;
    this.indexes = indexes;
    this.reference = reference;
  }

  public FeatureCollection municipalities(Crs crs) {
    Map<String, MunicipalityBoundaryEntity> boundaryOf = newestBoundaries();
    Map<String, String> districtNames = districtNames();
    List<Feature> features = municipalities.findAllByOrderByCode().stream()
        .map(m -> municipalityFeature(m, boundaryOf.get(m.getCode()), districtNames, crs))
        .toList();
    return FeatureCollection.of(features, crs);
  }

  /** One municipality, with the codes of its neighbours (queen contiguity of the newest vintage). */
  public Feature municipality(String code, Crs crs) {
    MunicipalityEntity municipality = municipalities.findById(code.toUpperCase(Locale.ROOT))
        .orElseThrow(() -> new NotFoundException("No municipality with code '" + code + "' in Oost-Nederland"));
    MunicipalityBoundaryEntity boundary = newestBoundaries().get(municipality.getCode());
    Feature feature = municipalityFeature(municipality, boundary, districtNames(), crs);
    feature.properties().put("neighbours", boundaries.findNewestVintage()
        .map(v -> List.copyOf(indexes.contiguity(v).neighbours(municipality.getCode())))
        .orElse(List.of()));
    return feature;
  }

  public FeatureCollection districts(Crs crs) {
    return FeatureCollection.of(districts.findAllByOrderByCode().stream().map(d -> districtFeature(d, crs)).toList(),
        crs);
  }

  /** One district by its code (VR07) or name (Gelderland-Midden). */
  public Feature district(String codeOrName, Crs crs) {
    return reference.district(codeOrName)
        .flatMap(d -> districts.findById(d.code()))
        .map(d -> districtFeature(d, crs))
        .orElseThrow(() -> new NotFoundException("No district '" + codeOrName + "' in Oost-Nederland"));
  }

  private Map<String, MunicipalityBoundaryEntity> newestBoundaries() {
    return boundaries.findNewestVintage()
        .map(v -> boundaries.findByValidFromYearOrderByMunicipalityCode(v).stream()
            .collect(Collectors.toMap(MunicipalityBoundaryEntity::getMunicipalityCode, Function.identity())))
        .orElse(Map.of());
  }

  private Map<String, String> districtNames() {
    return districts.findAll().stream().collect(Collectors.toMap(DistrictEntity::getCode, DistrictEntity::getName));
  }

  private static Feature municipalityFeature(MunicipalityEntity m, MunicipalityBoundaryEntity boundary,
      Map<String, String> districtNames, Crs crs) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("code", m.getCode());
    properties.put("name", m.getName());
    properties.put("province", m.getProvince());
    properties.put("district", districtNames.get(m.getDistrictCode()));
    properties.put("districtCode", m.getDistrictCode());
    properties.put("boundaryYear", boundary == null ? null : boundary.getValidFromYear());
    return Feature.of(m.getCode(), boundary == null ? null : inCrs(boundary.getGeometry(), crs), properties);
  }

  private Feature districtFeature(DistrictEntity d, Crs crs) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("code", d.getCode());
    properties.put("name", d.getName());
    properties.put("province", d.getProvince());
    properties.put("municipalities", municipalities.findByDistrictCodeOrderByCode(d.getCode()).stream()
        .map(MunicipalityEntity::getCode).toList());
    return Feature.of(d.getCode(), d.getGeometry() == null ? null : inCrs(d.getGeometry(), crs), properties);
  }

  private static Geometry inCrs(Geometry rdNew, Crs crs) {
    return CrsTransform.transform(rdNew, Crs.RD_NEW, crs);
  }
}
