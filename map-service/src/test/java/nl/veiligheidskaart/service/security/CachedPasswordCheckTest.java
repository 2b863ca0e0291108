package nl.veiligheidskaart.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

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

  final CountingEncoder encoder = new CountingEncoder();
  final CachedPasswordCheck check = new CachedPasswordCheck(new InMemoryUserDetailsManager(
      User.withUsername("analist").password(encoder.encode("lang-genoeg-wachtwoord")).roles("ANALYST").build()),
      encoder);

  @Test
  void aSuccessfulCheckIsRememberedAndAFailedOneNever() {
    Authentication first = check.authenticate(login("analist", "lang-genoeg-wachtwoord"));
    Authentication second = check.authenticate(login("analist", "lang-genoeg-wachtwoord"));

    assertThat(first.isAuthenticated()).isTrue();
    assertThat(second.getAuthorities()).extracting(Object::toString).contains("ROLE_ANALYST");
    assertThat(encoder.checks).hasValue(1);
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> check.authenticate(login("analist", "fout-wachtwoord")))
          .isInstanceOf(BadCredentialsException.class);
    }
    assertThat(encoder.checks).as("wrong passwords are checked every time").hasValue(3);
  }

  @Test
  void aChangedAccountIsCheckedAgain() {
    check.authenticate(login("analist", "lang-genoeg-wachtwoord"));
    check.accountChanged(new AccountChangedEvent("analist"));
    check.authenticate(login("analist", "lang-genoeg-wachtwoord"));

    assertThat(encoder.checks).hasValue(2);
  }

  private static UsernamePasswordAuthenticationToken login(String username, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
  }
}
