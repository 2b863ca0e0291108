package nl.veiligheidskaart.service.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import nl.veiligheidskaart.service.api.ConflictException;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.NewUserAccount;
import nl.veiligheidskaart.service.api.ManagedAccount;
import nl.veiligheidskaart.service.audit.AuditEvent;
import nl.veiligheidskaart.service.audit.AuditLog;
import nl.veiligheidskaart.service.security.AccountChanged;
import nl.veiligheidskaart.service.security.AccountService;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code user add --username NAME --role ROLE [--municipality CODE] [--password PASSWORD]}. */
final class UserAddCommand {

  private static final Set<String> OPTIONS = Set.of("username", "role", "municipality", "password");

  private UserAddCommand() {
  }

  static int run(CommandLine.Invocation invocation) {
    String unknown = CommandLine.unknownOption(invocation, OPTIONS);
    if (unknown != null) {
      return CommandLine.usage(invocation.err(), unknown);
    }
    String password = invocation.options().containsKey("password") ? invocation.options().get("password")
        : readPassword(invocation);
    NewUserAccount account = new NewUserAccount(invocation.options().get("username"), password,
        invocation.options().get("role"), invocation.options().get("municipality"));
    try (ConfigurableApplicationContext context = invocation.startStore()) {
      AccountChanged changed = context.getBean(AccountService.class).create(account);
      context.getBean(AuditLog.class).recordWithoutRequest(AuditEvent.ACCOUNT_CHANGE,
          System.getProperty("user.name") + " (command line)", "user add", changed.summary());
      ManagedAccount created = changed.account();
      invocation.out().println("Created account '" + created.username() + "' with role " + created.role()
          + (created.municipality() == null ? "" : " for " + created.municipality()));
      return 0;
    } catch (InvalidParameterException e) {
      invocation.err().println("error: --" + e.parameter() + ": " + e.getMessage());
      return 2;
    } catch (ConflictException e) {
      invocation.err().println("error: " + e.getMessage());
      return 1;
    }
  }

  private static String readPassword(CommandLine.Invocation invocation) {
    Console console = System.console();
    if (console != null) {
      char[] password = console.readPassword("Password: ");
      return password == null ? null : new String(password);
    }
    try {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      invocation.err().println("error: cannot read the password from standard input: " + e.getMessage());
      return null;
    }
  }
}
