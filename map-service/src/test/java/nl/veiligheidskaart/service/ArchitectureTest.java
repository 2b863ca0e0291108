package nl.veiligheidskaart.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules of the architecture (ARCHITECTURE.md), checked on the compiled classes: the analysis
 * is pure mathematics, the packages form no cycle, HTTP stays in the web layer, and every package
 * says what it is for.
 */
class ArchitectureTest {

  private static final String ROOT = "nl.veiligheidskaart.service";
  private static final JavaClasses SERVICE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

  /**
   * The packages that serve HTTP, and the wire contract with its problem+json writer; everything
   * else is core and knows no request or response.
   */
  private static final String[] HTTP_PACKAGES = {ROOT + ".web..", ROOT + ".security..", ROOT + ".limits..",
      ROOT + ".audit..", ROOT + ".api.."};

  @Test
  void theAnalysisDependsOnlyOnTheJdkJtsAndCommonsStatistics() {
    classes().that().resideInAPackage(ROOT + ".analysis..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".analysis..", "java..",
            "org.locationtech.jts..", "org.apache.commons.statistics..")
        .check(SERVICE);
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(SERVICE);
  }

  @Test
  void controllersNeverCallEachOther() {
    DescribedPredicate<JavaClass> ourControllers = DescribedPredicate.describe("our controllers",
        type -> type.getPackageName().startsWith(ROOT) && !type.isAnnotation()
            && (type.isAnnotatedWith(RestController.class) || type.isAnnotatedWith(Controller.class)));
    noClasses().that(ourControllers).should().dependOnClassesThat(ourControllers).check(SERVICE);
  }

  @Test
  void theCoreKnowsNoHttp() {
    noClasses().that().resideInAPackage(ROOT + "..").and().resideOutsideOfPackages(HTTP_PACKAGES)
        .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web..",
            "org.springframework.http..")
        .check(SERVICE);
  }

  @Test
  void datesAreMeantInOneTimeZone() {
    noClasses().that().doNotHaveSimpleName("Zones")
        .should().callMethod(ZoneId.class, "of", String.class)
        .because("config.Zones.NETHERLANDS is the one time zone of the safety network's dates")
        .check(SERVICE);
  }

  @Test
  void everyPackageSaysWhatItIsFor() throws IOException {
    for (String module : List.of(".", "../tiles", "../geodata")) {
      Path sources = Path.of(module, "src/main/java");
      try (Stream<Path> files = Files.walk(sources)) {
        List<Path> withoutPackageInfo = files.filter(Files::isDirectory)
            .filter(ArchitectureTest::holdsJava)
            .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
            .toList();
        assertThat(withoutPackageInfo).as("packages without a package-info.java").isEmpty();
      }
    }
  }

  private static boolean holdsJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(file -> file.toString().endsWith(".java") && !file.endsWith("package-info.java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
