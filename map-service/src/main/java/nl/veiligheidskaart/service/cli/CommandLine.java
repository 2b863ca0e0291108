package nl.veiligheidskaart.service.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.veiligheidskaart.service.VeiligheidskaartApplication;
import nl.veiligheidskaart.service.api.NewUserAccount;
import nl.veiligheidskaart.service.api.UserAccount;
import nl.veiligheidskaart.service.security.AccountService;
import nl.veiligheidskaart.service.web.ConflictException;
import nl.veiligheidskaart.service.web.InvalidParameterException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Commands run with {@code java -jar map-service.jar COMMAND ...} against the configured store.
 * Options that set service properties ({@code --spring.datasource.url=...},
 * {@code --veiligheidskaart.data-dir=...}) are passed on, so a command sees the same database as the
 * service.
 */
public final class CommandLine {

  static final String USAGE = """
      usage: java -jar map-service.jar user add --username NAME --role ANALYST|MUNICIPALITY|BBG|ADMIN
                                                [--municipality GM0000] [--password PASSWORD]
             (without --password the password is read from the terminal or from standard input)""";

  private static final Set<String> SERVICE_PROPERTY_PREFIXES = Set.of("--spring.", "--veiligheidskaart.",
      "--logging.");

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
    for (String arg : args) {
      (SERVICE_PROPERTY_PREFIXES.stream().anyMatch(arg::startsWith) ? serviceProperties : words).add(arg);
    }
    if (words.size() < 2 || !words.get(0).equals("user") || !words.get(1).equals("add")) {
      err.println(USAGE);
      return 2;
    }
    Map<String, String> options;
    try {
      options = options(words.subList(2, words.size()));
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    String password = options.containsKey("password") ? options.get("password") : readPassword(err);
    NewUserAccount account = new NewUserAccount(options.get("username"), password, options.get("role"),
        options.get("municipality"));
    try (ConfigurableApplicationContext context = quietService(serviceProperties)) {
      UserAccount created = context.getBean(AccountService.class).create(account);
      out.println("Created account '" + created.username() + "' with role " + created.role()
          + (created.municipality() == null ? "" : " for " + created.municipality()));
      return 0;
    } catch (InvalidParameterException e) {
      err.println("error: --" + e.parameter() + ": " + e.getMessage());
      return 2;
    } catch (ConflictException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static Map<String, String> options(List<String> words) {
    Set<String> known = Set.of("username", "role", "municipality", "password");
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String name = word.startsWith("--") ? word.substring(2) : null;
      if (name == null || !known.contains(name)) {
        throw new IllegalArgumentException("unknown option '" + word + "'");
      }
      if (i + 1 >= words.size()) {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      options.put(name, words.get(++i));
    }
    return options;
  }

  private static String readPassword(PrintStream err) {
    Console console = System.console();
    if (console != null) {
      char[] password = console.readPassword("Password: ");
      return password == null ? null : new String(password);
    }
    try {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      err.println("error: cannot read the password from standard input: " + e.getMessage());
      return null;
    }
  }

  private static ConfigurableApplicationContext quietService(List<String> serviceProperties) {
    List<String> args = new ArrayList<>(List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN",
        "--logging.level.nl.veiligheidskaart=INFO"));
    args.addAll(serviceProperties);
    return new SpringApplicationBuilder(VeiligheidskaartApplication.class)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .run(args.toArray(String[]::new));
  }
}
