package nl.veiligheidskaart.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.store.AccountChangedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The remembered password check reads the account afresh each time: a new password, a disabled or
 * a deleted account counts at once, as another replica would have changed it in the shared store.
 */
class CachedPasswordCheckTest {

  /** bcrypt, counting how often it checks a password. */
  static final class CountingEncoder implements PasswordEncoder {
    final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final AtomicInteger checks = new AtomicInteger();

    @Override
    public String encode(CharSequence raw) {
      return bcrypt.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      checks.incrementAndGet();
      return bcrypt.matches(raw, encoded);
    }
  }

  /** The shared store, as every replica reads it. */
  final Map<String, SignedInAccount> store = new HashMap<>();
  final UserDetailsService accounts = username -> {
    SignedInAccount account = store.get(username);
    if (account == null) {
      throw new UsernameNotFoundException(username);
    }
    return new SignedInAccount(account.getUsername(), account.getPassword(), account.isEnabled(),
        account.getAuthorities());
  };
  final CountingEncoder encoder = new CountingEncoder();
  final CachedPasswordCheck check = new CachedPasswordCheck(accounts, encoder,
      new SignInThrottle(properties(), Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC)));

  CachedPasswordCheckTest() {
    store("lang-genoeg-wachtwoord", true);
  }

  @Test
  void aSuccessfulCheckIsRememberedAndAFailedOneNever() {
    int before = encoder.checks.get();
    Authentication first = check.authenticate(login("lang-genoeg-wachtwoord"));
    Authentication second = check.authenticate(login("lang-genoeg-wachtwoord"));

    assertThat(first.isAuthenticated()).isTrue();
    assertThat(second.getAuthorities()).extracting(Object::toString).contains("ROLE_ANALYST");
    assertThat(encoder.checks.get() - before).isEqualTo(1);
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> check.authenticate(login("fout-wachtwoord")))
          .isInstanceOf(BadCredentialsException.class);
    }
    assertThat(encoder.checks.get() - before).as("wrong passwords are checked every time").isEqualTo(3);
  }

  @Test
  void aNewPasswordEndsTheRememberedOneAtOnce() {
    check.authenticate(login("lang-genoeg-wachtwoord"));
    store("een-nieuw-wachtwoord", true);

    assertThatThrownBy(() -> check.authenticate(login("lang-genoeg-wachtwoord")))
        .isInstanceOf(BadCredentialsException.class);
    assertThat(check.authenticate(login("een-nieuw-wachtwoord")).isAuthenticated()).isTrue();
  }

  @Test
  void aDisabledOrDeletedAccountIsRefusedThoughItsPasswordWasRemembered() {
    check.authenticate(login("lang-genoeg-wachtwoord"));
    SignedInAccount enabled = store.get("analist");
    store.put("analist", new SignedInAccount("analist", enabled.getPassword(), false, enabled.getAuthorities()));
    assertThatThrownBy(() -> check.authenticate(login("lang-genoeg-wachtwoord")))
        .isInstanceOf(BadCredentialsException.class);

    store.remove("analist");
    assertThatThrownBy(() -> check.authenticate(login("lang-genoeg-wachtwoord")))
        .isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void afterFiveFailuresTheAccountIsThrottledWithoutBcryptButARememberedPasswordStillWorks() {
    check.authenticate(login("lang-genoeg-wachtwoord"));
    for (int attempt = 0; attempt < 5; attempt++) {
      assertThatThrownBy(() -> check.authenticate(login("fout-wachtwoord")))
          .isInstanceOf(BadCredentialsException.class);
    }
    int checks = encoder.checks.get();

    assertThatThrownBy(() -> check.authenticate(login("fout-wachtwoord")))
        .isInstanceOfSatisfying(SignInThrottledException.class,
            throttled -> assertThat(throttled.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(15).toSeconds()));
    assertThat(encoder.checks).as("no bcrypt while throttled").hasValue(checks);
    assertThat(check.authenticate(login("lang-genoeg-wachtwoord")).isAuthenticated()).isTrue();
  }

  /** A change of the account, here or (through the change feed) in another replica, forgets what was remembered. */
  @Test
  void aChangeOfTheAccountForgetsTheRememberedCheck() {
    check.authenticate(login("lang-genoeg-wachtwoord"));
    int before = encoder.checks.get();

    check.accountChanged(new AccountChangedEvent("someone-else"));
    check.authenticate(login("lang-genoeg-wachtwoord"));
    assertThat(encoder.checks.get() - before).as("another account's change").isZero();

    check.accountChanged(new AccountChangedEvent("analist"));
    check.authenticate(login("lang-genoeg-wachtwoord"));
    assertThat(encoder.checks.get() - before).as("its own change: checked with bcrypt again").isEqualTo(1);
  }

  private void store(String password, boolean enabled) {
    store.put("analist", new SignedInAccount("analist", encoder.encode(password), enabled,
        List.of(new SimpleGrantedAuthority("ROLE_ANALYST"))));
  }

  private static VeiligheidskaartProperties properties() {
    return new VeiligheidskaartProperties(null, null, 2019, null, List.of(), null, false, null, null, null, null, null,
        new VeiligheidskaartProperties.SignIn(5, 20, Duration.ofMinutes(15)));
  }

  private static UsernamePasswordAuthenticationToken login(String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated("analist", password);
  }
}
