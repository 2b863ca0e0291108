package nl.veiligheidskaart.service.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.veiligheidskaart.service.VeiligheidskaartApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Commands run with {@code java -jar map-service.jar COMMAND ...} against the configured store.
 * Options that set service properties ({@code --spring.datasource.url=...},
 * {@code --veiligheidskaart.data-dir=...}) are passed on, so a command sees the same database as
 * the service.
 */
public final class CommandLine {

  static final String USAGE = """
      usage: java -jar map-service.jar user add --username NAME --role ANALYST|MUNICIPALITY|BBG|ADMIN
                                                [--municipality GM0000] [--password PASSWORD]
               (without --password the password is read from the terminal or from standard input)
             java -jar map-service.jar import LAYER FILE [--mode strict|lenient]
               (LAYER: incidents, hemp-sites, holiday-parks, omg-clubhouses, area-statistics, population)
             java -jar map-service.jar demo write DIR [--incidents N] [--seed S]
               (writes the synthetic demo data as import files)
             java -jar map-service.jar backup FILE.zip
             java -jar map-service.jar restore FILE.zip
               (the embedded store in the data dir, while the service is stopped)""";

  private static final Set<String> SERVICE_PROPERTY_PREFIXES = Set.of("--spring.", "--veiligheidskaart.",
      "--logging.", "--server.");

  /** The words and options of one command, and the service properties to start the store with. */
  record Invocation(List<String> words, Map<String, String> options, List<String> serviceProperties,
      PrintStream out, PrintStream err) {

    /** The data directory the service would use: the option, else the environment, else ./data. */
    Path dataDir() {
      String option = "--veiligheidskaart.data-dir=";
      return serviceProperties.stream().filter(p -> p.startsWith(option)).reduce((first, last) -> last)
          .map(p -> Path.of(p.substring(option.length())))
          .orElseGet(() -> Path.of(System.getenv().getOrDefault("VEILIGHEIDSKAART_DATA_DIR", "./data")));
    }

    ConfigurableApplicationContext startStore() {
      List<String> args = new ArrayList<>(List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN",
          "--logging.level.nl.veiligheidskaart=INFO"));
      args.addAll(serviceProperties);
      return new SpringApplicationBuilder(VeiligheidskaartApplication.class)
          .web(WebApplicationType.NONE)
          .logStartupInfo(false)
          .run(args.toArray(String[]::new));
    }
  }

  private CommandLine() {
  }

  /** Arguments name a command when the first one is not an option. */
  public static boolean isCommand(String[] args) {
    return args.length > 0 && !args[0].startsWith("-");
  }

  /** Runs the command and returns the process exit code: 0 done, 1 refused, 2 wrong usage. */
  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> serviceProperties = new ArrayList<>();
    List<String> words = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (SERVICE_PROPERTY_PREFIXES.stream().anyMatch(arg::startsWith)) {
        serviceProperties.add(arg);
      } else if (arg.startsWith("--")) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          return usage(err, arg + " needs a value");
        }
        options.put(arg.substring(2), args[++i]);
      } else {
        words.add(arg);
      }
    }
    Invocation invocation = new Invocation(words, options, serviceProperties, out, err);
    String command = words.size() >= 2 ? words.get(0) + " " + words.get(1) : String.join(" ", words);
    if (command.equals("user add") && words.size() == 2) {
      return UserAddCommand.run(invocation);
    }
    if (!words.isEmpty() && words.get(0).equals("import") && words.size() == 3) {
      return ImportCommand.run(invocation);
    }
    if (command.equals("demo write") && words.size() == 3) {
      return DemoWriteCommand.run(invocation);
    }
    if (!words.isEmpty() && words.get(0).equals("backup") && words.size() == 2) {
      return StoreBackup.backup(invocation);
    }
    if (!words.isEmpty() && words.get(0).equals("restore") && words.size() == 2) {
      return StoreBackup.restore(invocation);
    }
    return usage(err, null);
  }

  /** Fails when an option is given that the command does not know. */
  static String unknownOption(Invocation invocation, Set<String> known) {
    return invocation.options().keySet().stream().filter(name -> !known.contains(name))
        .map(name -> "unknown option '--" + name + "'").findFirst().orElse(null);
  }

  static int usage(PrintStream err, String problem) {
    if (problem != null) {
      err.println("error: " + problem);
    }
    err.println(USAGE);
    return 2;
  }
}
