package nl.veiligheidskaart.service.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.service.api.NewUserAccount;
import nl.veiligheidskaart.service.audit.AuditEvent;
import nl.veiligheidskaart.service.audit.AuditLog;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start with no accounts: creates {@code beheer} (ADMIN) and {@code analist}
 * (ANALYST) with random passwords and writes them, readable by the owner only, to
 * {@code <data-dir>/initial-credentials.txt}. The passwords never appear in the log.
 */
@Component
@Order(2)
class InitialAccounts implements ApplicationRunner {

  static final String FILE_NAME = "initial-credentials.txt";
  private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final int PASSWORD_LENGTH = 20;

  private final AccountService accounts;
  private final VeiligheidskaartProperties properties;
  private final AuditLog audit;
  private final SecureRandom random = new SecureRandom();

  InitialAccounts(AccountService accounts, VeiligheidskaartProperties properties, AuditLog audit) {
    this.accounts = accounts;
    this.audit = audit;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!accounts.noAccounts()) {
      return;
    }
    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put("beheer", randomPassword());
    credentials.put("analist", randomPassword());
    Path file = writeOwnerOnly(credentials);
    for (AccountChanged created : List.of(
        accounts.create(new NewUserAccount("beheer", credentials.get("beheer"), Role.ADMIN.name(), null)),
        accounts.create(new NewUserAccount("analist", credentials.get("analist"), Role.ANALYST.name(), null)))) {
      audit.recordWithoutRequest(AuditEvent.ACCOUNT_CHANGE, "(first start)", "initial accounts", created.summary());
    }
    log.info("Created the accounts 'beheer' (ADMIN) and 'analist' (ANALYST); their passwords are in {}", file);
  }

  private String randomPassword() {
    StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
    for (int i = 0; i < PASSWORD_LENGTH; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }

  /** Written before the accounts are stored, so a failure here leaves no account nobody can use. */
  private Path writeOwnerOnly(Map<String, String> credentials) {
    Path file = properties.dataDir().resolve(FILE_NAME).toAbsolutePath();
    StringBuilder text = new StringBuilder();
    credentials.forEach((user, password) -> text.append(user).append(':').append(password).append('\n'));
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the initial credentials to " + file, e);
    }
  }
}
