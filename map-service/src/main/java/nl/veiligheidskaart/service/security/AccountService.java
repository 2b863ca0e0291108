package nl.veiligheidskaart.service.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.api.ConflictException;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.NewUserAccount;
import nl.veiligheidskaart.service.api.UserAccount;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates local accounts; the one way used by the admin API, the CLI and the first start. */
@Service
public class AccountService {

  static final int MIN_PASSWORD_LENGTH = 12;
  static final int MAX_PASSWORD_BYTES = 72;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]");

  private final UserAccountRepository accounts;
  private final PasswordEncoder passwordEncoder;
  private final ReferenceGeography reference;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, ReferenceGeography reference,
      Clock clock, ApplicationEventPublisher events) {
    this.accounts = accounts;
    this.passwordEncoder = passwordEncoder;
    this.reference = reference;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Validates and stores a new account.
   *
   * @throws InvalidParameterException naming the field that is wrong
   * @throws ConflictException when the username is taken
   */
  @Transactional
  public UserAccount create(NewUserAccount request) {
    String username = required("username", request.username()).toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(username).matches()) {
      throw new InvalidParameterException("username",
          "username must be 3-64 characters: lower-case letters, digits, '.', '_' or '-'");
    }
    String password = required("password", request.password());
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw new InvalidParameterException("password",
          "password must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw new InvalidParameterException("password",
          "password may have at most " + MAX_PASSWORD_BYTES + " bytes (bcrypt reads no further)");
    }
    Role role = role(required("role", request.role()));
    String municipality = municipality(role, request.municipality());
    if (accounts.existsById(username)) {
      throw new ConflictException("An account named '" + username + "' already exists");
    }
    accounts.save(new UserAccountEntity(username, passwordEncoder.encode(password), role, municipality,
        clock.instant()));
    events.publishEvent(new AccountChangedEvent(username));
    return new UserAccount(username, role.name(), municipality);
  }

  @Transactional(readOnly = true)
  public boolean noAccounts() {
    return accounts.count() == 0;
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidParameterException(field, field + " is required");
    }
    return value.strip();
  }

  private static Role role(String value) {
    try {
      return Role.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("role", "role must be one of ANALYST, MUNICIPALITY, BBG, ADMIN");
    }
  }

  /** A MUNICIPALITY account speaks for exactly one of the 76 municipalities; other roles for none. */
  private String municipality(Role role, String value) {
    boolean given = value != null && !value.isBlank();
    if (role != Role.MUNICIPALITY) {
      if (given) {
        throw new InvalidParameterException("municipality", "municipality is only set for role MUNICIPALITY");
      }
      return null;
    }
    if (!given) {
      throw new InvalidParameterException("municipality", "role MUNICIPALITY needs a municipality code, e.g. GM0200");
    }
    return reference.municipality(value.strip())
        .orElseThrow(() -> new InvalidParameterException("municipality",
            "'" + value + "' is not the code of a municipality in Oost-Nederland"))
        .code();
  }
}
