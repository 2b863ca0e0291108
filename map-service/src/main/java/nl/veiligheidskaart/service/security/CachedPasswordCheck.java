package nl.veiligheidskaart.service.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks username and password as Spring Security's DAO provider does (bcrypt), and remembers a
 * successful check for five minutes. GIS clients send HTTP Basic with every tile, and a bcrypt
 * check takes tens of milliseconds of CPU: a map view of forty tiles would cost seconds. Only a
 * keyed digest of the password is kept (an HMAC with a key made at start-up), never the password;
 * a changed account is forgotten at once.
 */
@Component
@ConditionalOnWebApplication
class CachedPasswordCheck implements AuthenticationProvider {

  static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

  private record Credentials(String username, String passwordDigest) {
  }

  private final DaoAuthenticationProvider check;
  private final SecretKeySpec key = new SecretKeySpec(SecureRandom.getSeed(32), "HmacSHA256");
  private final Cache<Credentials, Authentication> verified = Caffeine.newBuilder().maximumSize(10_000)
      .expireAfterWrite(REMEMBERED_FOR).build();

  CachedPasswordCheck(UserDetailsService accounts, PasswordEncoder passwordEncoder) {
    this.check = new DaoAuthenticationProvider(accounts);
    this.check.setPasswordEncoder(passwordEncoder);
  }

  @Override
  public Authentication authenticate(Authentication request) {
    if (!(request.getCredentials() instanceof String password)) {
      return check.authenticate(request);
    }
    Credentials credentials = new Credentials(request.getName(), digest(password));
    Authentication known = verified.getIfPresent(credentials);
    if (known != null) {
      return known;
    }
    Authentication authenticated = check.authenticate(request);
    verified.put(credentials, authenticated);
    return authenticated;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  @EventListener
  void accountChanged(AccountChangedEvent event) {
    verified.asMap().keySet().removeIf(credentials -> credentials.username().equals(event.username()));
  }

  private String digest(String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
