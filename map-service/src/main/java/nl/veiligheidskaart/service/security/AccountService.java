package nl.veiligheidskaart.service.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.api.AccountUpdate;
import nl.veiligheidskaart.service.api.ConflictException;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.ManagedAccount;
import nl.veiligheidskaart.service.api.NewUserAccount;
import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.api.PasswordChange;
import nl.veiligheidskaart.service.identity.Role;
import nl.veiligheidskaart.service.store.AccountChangedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of local accounts: created, listed, changed (enabled, role, municipality, password
 * reset), deleted, and a user's own password change; the one way used by the admin API, the CLI
 * and the first start. A change counts from the next request on, in every replica: sign-ins read
 * the account afresh each time ({@link CachedPasswordCheck}, {@link AccountSessionCheck}), and
 * each change is published as an {@link AccountChangedEvent}, which the change feed passes on to
 * the other replicas. There is always an enabled ADMIN left to manage the others.
 */
@Service
public class AccountService {

  static final int MIN_PASSWORD_LENGTH = 12;
  static final int MAX_PASSWORD_BYTES = 72;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]");

  private final UserAccountRepository accounts;
  private final PasswordEncoder passwordEncoder;
  private final ReferenceGeography reference;
  private final Clock clock;
  private final SignInThrottle throttle;
  private final ApplicationEventPublisher events;

  AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, ReferenceGeography reference,
      Clock clock, SignInThrottle throttle, ApplicationEventPublisher events) {
    this.accounts = accounts;
    this.passwordEncoder = passwordEncoder;
    this.reference = reference;
    this.clock = clock;
    this.throttle = throttle;
    this.events = events;
  }

  /**
   * Validates and stores a new account.
   *
   * @throws InvalidParameterException naming the field that is wrong
   * @throws ConflictException when the username is taken
   */
  @Transactional
  public AccountChanged create(NewUserAccount request) {
    String username = required("username", request.username()).toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(username).matches()) {
      throw new InvalidParameterException("username",
          "username must be 3-64 characters: lower-case letters, digits, '.', '_' or '-'");
    }
    String password = password("password", request.password());
    Role role = role(required("role", request.role()));
    String municipality = municipality(role, request.municipality(), null);
    if (accounts.existsById(username)) {
      throw new ConflictException("An account named '" + username + "' already exists");
    }
    UserAccountEntity account = accounts.save(new UserAccountEntity(username, passwordEncoder.encode(password), role,
        municipality, clock.instant()));
    return changed(account, "account '" + username + "' created: role " + role
        + (municipality == null ? "" : ", municipality " + municipality));
  }

  @Transactional(readOnly = true)
  public List<ManagedAccount> list() {
    return accounts.findAllByOrderByUsername().stream().map(AccountService::view).toList();
  }

  /**
   * Changes what the update gives; the rest stays.
   *
   * @throws NotFoundException when there is no such account
   * @throws InvalidParameterException naming the field that is wrong
   * @throws ConflictException when it would leave no enabled ADMIN
   */
  @Transactional
  public AccountChanged change(String username, AccountUpdate update) {
    UserAccountEntity account = existing(username);
    Role role = update.role() == null ? account.getRole() : role(update.role());
    String municipality = municipality(role, update.municipality(), account.getMunicipalityCode());
    boolean enabled = update.enabled() == null ? account.isEnabled() : update.enabled();
    String password = update.password() == null ? null : password("password", update.password());
    if (!(role == Role.ADMIN && enabled)) {
      keepAnAdmin(account, "disable it or take its role");
    }
    List<String> changes = new ArrayList<>();
    if (role != account.getRole() || !Objects.equals(municipality, account.getMunicipalityCode())) {
      changes.add("role " + account.getRole() + describe(account.getMunicipalityCode()) + " -> " + role
          + describe(municipality));
      account.assign(role, municipality);
    }
    if (enabled != account.isEnabled()) {
      changes.add(enabled ? "enabled" : "disabled");
      account.setEnabled(enabled);
    }
    if (password != null) {
      changes.add("password reset");
      account.setPasswordHash(passwordEncoder.encode(password));
    }
    String summary = changes.isEmpty() ? null : "account '" + account.getUsername() + "' changed: "
        + String.join(", ", changes);
    return summary == null ? new AccountChanged(view(account), null) : changed(account, summary);
  }

  /**
   * @throws NotFoundException when there is no such account
   * @throws ConflictException when it is the last enabled ADMIN
   */
  @Transactional
  public AccountChanged delete(String username) {
    UserAccountEntity account = existing(username);
    keepAnAdmin(account, "delete it");
    accounts.delete(account);
    return changed(account, "account '" + account.getUsername() + "' deleted (role "
        + account.getRole() + describe(account.getMunicipalityCode()) + ")");
  }

  /**
   * A signed-in user's own new password. A wrong current password counts as a failed sign-in.
   *
   * @param address the client's address, for throttling guesses of the current password
   * @throws InvalidParameterException naming the field that is wrong (also a wrong current password)
   * @throws ConflictException for a user of the identity provider, whose password is not kept here
   * @throws SignInThrottledException after too many failed sign-ins of the account or the address
   */
  @Transactional
  public AccountChanged changeOwnPassword(Authentication user, PasswordChange change, String address) {
    if (!(user.getPrincipal() instanceof SignedInAccount)) {
      throw new ConflictException("You signed in through the organisation's identity provider: change your "
          + "password there.");
    }
    String current = required("currentPassword", change.currentPassword());
    String password = password("newPassword", change.newPassword());
    UserAccountEntity account = existing(user.getName());
    throttle.check(account.getUsername(), address);
    if (!passwordEncoder.matches(current, account.getPasswordHash())) {
      throttle.failed(account.getUsername(), address);
      throw new InvalidParameterException("currentPassword", "currentPassword is not your current password");
    }
    if (current.equals(password)) {
      throw new InvalidParameterException("newPassword", "newPassword must differ from the current password");
    }
    account.setPasswordHash(passwordEncoder.encode(password));
    return changed(account, "account '" + account.getUsername() + "' changed: own password");
  }

  @Transactional(readOnly = true)
  public boolean noAccounts() {
    return accounts.count() == 0;
  }

  /** Tells this replica's listeners, and through the change feed (in this transaction) the other replicas. */
  private AccountChanged changed(UserAccountEntity account, String summary) {
    events.publishEvent(new AccountChangedEvent(account.getUsername()));
    return new AccountChanged(view(account), summary);
  }

  private UserAccountEntity existing(String username) {
    return accounts.findById(username.strip().toLowerCase(Locale.ROOT))
        .orElseThrow(() -> new NotFoundException("There is no account named '" + username + "'"));
  }

  /** Refuses to take the last enabled ADMIN: nobody could manage the accounts any more. */
  private void keepAnAdmin(UserAccountEntity account, String what) {
    if (account.getRole() != Role.ADMIN || !account.isEnabled()) {
      return;
    }
    boolean another = accounts.findByRoleAndEnabledTrue(Role.ADMIN).stream()
        .anyMatch(admin -> !admin.getUsername().equals(account.getUsername()));
    if (!another) {
      throw new ConflictException("'" + account.getUsername() + "' is the last enabled ADMIN: enable or create "
          + "another ADMIN before you " + what);
    }
  }

  private static ManagedAccount view(UserAccountEntity account) {
    return new ManagedAccount(account.getUsername(), account.getRole().name(), account.getMunicipalityCode(),
        account.isEnabled(), account.getCreatedAt());
  }

  private static String describe(String municipality) {
    return municipality == null ? "" : " (" + municipality + ")";
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidParameterException(field, field + " is required");
    }
    return value.strip();
  }

  private static String password(String field, String value) {
    String password = required(field, value);
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw new InvalidParameterException(field, field + " must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw new InvalidParameterException(field,
          field + " may have at most " + MAX_PASSWORD_BYTES + " bytes (bcrypt reads no further)");
    }
    return password;
  }

  private static Role role(String value) {
    try {
      return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("role", "role must be one of ANALYST, MUNICIPALITY, BBG, ADMIN");
    }
  }

  /**
   * A MUNICIPALITY account speaks for exactly one of the 76 municipalities; other roles for none.
   *
   * @param kept the municipality the account has, used when none is given
   */
  private String municipality(Role role, String value, String kept) {
    boolean given = value != null && !value.isBlank();
    if (role != Role.MUNICIPALITY) {
      if (given) {
        throw new InvalidParameterException("municipality", "municipality is only set for role MUNICIPALITY");
      }
      return null;
    }
    if (!given) {
      if (kept != null) {
        return kept;
      }
      throw new InvalidParameterException("municipality", "role MUNICIPALITY needs a municipality code, e.g. GM0200");
    }
    return reference.municipality(value.strip())
        .orElseThrow(() -> new InvalidParameterException("municipality",
            "'" + value + "' is not the code of a municipality in Oost-Nederland"))
        .code();
  }
}
