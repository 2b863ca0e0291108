package nl.veiligheidskaart.service.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.config.Zones;
import nl.veiligheidskaart.service.demo.DemoDataGenerator;
import nl.veiligheidskaart.service.geography.BoundaryIndexes;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code demo write DIR [--incidents N] [--seed S]}: writes the synthetic demo data as import
 * files, for training, for trying imports and for load tests (e.g. a million incidents).
 */
final class DemoWriteCommand {

  private static final Set<String> OPTIONS = Set.of("incidents", "seed");

  private DemoWriteCommand() {
  }

  static int run(CommandLine.Invocation invocation) {
    String unknown = CommandLine.unknownOption(invocation, OPTIONS);
    if (unknown != null) {
      return CommandLine.usage(invocation.err(), unknown);
    }
    int count;
    long seed;
    try {
      count = Integer.parseInt(invocation.options().getOrDefault("incidents",
          Integer.toString(DemoDataGenerator.DEFAULT_INCIDENT_COUNT)));
      seed = Long.parseLong(invocation.options().getOrDefault("seed", Long.toString(DemoDataGenerator.DEFAULT_SEED)));
    } catch (NumberFormatException e) {
      return CommandLine.usage(invocation.err(), "--incidents and --seed take whole numbers");
    }
    Path dir = Path.of(invocation.words().get(2));
    try (ConfigurableApplicationContext context = invocation.startStore()) {
      BoundaryIndexes boundaries = context.getBean(BoundaryIndexes.class);
      Integer vintage = boundaries.newestVintage().orElse(null);
      if (vintage == null) {
        invocation.err().println("error: no municipal boundaries are loaded; set --veiligheidskaart.geodata-dir");
        return 1;
      }
      LocalDate today = LocalDate.now(context.getBean(Clock.class).withZone(Zones.NETHERLANDS));
      DemoDataGenerator generator = new DemoDataGenerator(boundaries.boundaries(vintage),
          context.getBean(ReferenceGeography.class), seed, today, count);
      generator.writeFiles(dir);
      invocation.out().println("Wrote " + count + " demo incidents and the demo risk locations ("
          + generator.periodStart() + " to " + generator.periodEnd() + ", seed " + seed + ") to " + dir);
      return 0;
    } catch (IOException e) {
      invocation.err().println("error: " + e.getMessage());
      return 1;
    }
  }
}
