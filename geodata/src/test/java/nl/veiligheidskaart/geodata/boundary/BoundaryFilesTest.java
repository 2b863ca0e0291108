package nl.veiligheidskaart.geodata.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import nl.veiligheidskaart.geodata.SharedGeodata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundaryFilesTest {

  @TempDir
  Path tempDir;

  /** The shared folder also holds districts-oost-nederland-2019.geojson, which is not it. */
  @Test
  void findsTheMunicipalityFileInTheSharedFolder() {
    assertThat(BoundaryFiles.find(SharedGeodata.dir()))
        .map(file -> file.getFileName().toString())
        .contains("gemeenten-oost-nederland-2019.geojson");
  }

  @Test
  void prefersTheNewestYearAmongGemeenteFilesOfASupportedType() throws IOException {
    for (String name : new String[] {"gemeente_2018.gpkg", "CBS_Gemeenten_2021.json",
        "gemeenten-2022.csv", "districts-2024.geojson", "wijken-en-buurten-2023.gpkg"}) {
      Files.createFile(tempDir.resolve(name));
    }
    Files.createDirectory(tempDir.resolve("gemeenten-2025.geojson"));

    assertThat(BoundaryFiles.find(tempDir)).contains(tempDir.resolve("CBS_Gemeenten_2021.json"));
  }

  @Test
  void findsNothingInAnEmptyOrMissingFolder() {
    assertThat(BoundaryFiles.find(tempDir)).isEmpty();
    assertThat(BoundaryFiles.find(tempDir.resolve("does-not-exist"))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      gemeenten-oost-nederland-2019.geojson,    2019
      cbs_gemeente_2019_gegeneraliseerd.gpkg,   2019
      gemeente2021.json,                        2021
      gemeenten_1850_2020.gpkg,                 2020
      gemeenten-20190101.geojson,
      gemeenten.geojson,
      """)
  void readsTheVintageYearFromTheFileName(String name, Integer expectedYear) {
    assertThat(BoundaryFiles.yearInName(Path.of(name)))
        .isEqualTo(expectedYear == null ? OptionalInt.empty() : OptionalInt.of(expectedYear));
  }
}
