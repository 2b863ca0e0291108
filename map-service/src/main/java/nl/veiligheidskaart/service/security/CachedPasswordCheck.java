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
import nl.veiligheidskaart.service.store.AccountChangedEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password (bcrypt) of HTTP Basic and the login form, and remembers a
 * successful check for five minutes. GIS clients send HTTP Basic with every tile, and a bcrypt
 * check takes tens of milliseconds of CPU: a map view of forty tiles would cost seconds.
 * <p>
 * The account is read from the store on every request, and what is remembered is a keyed digest
 * (an HMAC with a key made at start-up, never the password) of the password together with the
 * account's stored hash: a new password or a reset, made by any replica, changes the hash and so
 * ends what was remembered; a disabled or deleted account is refused at once. That read by primary
 * key is the check on every request that makes a change count at once in every replica; what was
 * remembered of a changed account is forgotten besides, here and (through the change feed) in the
 * other replicas, so that no replica keeps a check made before the change.
 * <p>
 * Failed checks are counted by {@link SignInThrottle}; while it refuses, no bcrypt is spent, but a
 * password remembered from a successful check still works, so that a user whose name is under
 * attack keeps working.
 */
@Component
@ConditionalOnWebApplication
class CachedPasswordCheck implements AuthenticationProvider {

  static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

  private record Remembered(String username, String digest) {
  }

  private final UserDetailsService accounts;
  private final PasswordEncoder passwordEncoder;
  private final SignInThrottle throttle;
  /** Checked for unknown names, so that they take as long as known ones and do not give away which exist. */
  private final String hashOfNoAccount;
  private final SecretKeySpec key = new SecretKeySpec(SecureRandom.getSeed(32), "HmacSHA256");
  private final Cache<Remembered, Boolean> verified = Caffeine.newBuilder().maximumSize(10_000)
      .expireAfterWrite(REMEMBERED_FOR).build();

  CachedPasswordCheck(UserDetailsService accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
    this.accounts = accounts;
    this.passwordEncoder = passwordEncoder;
    this.throttle = throttle;
    this.hashOfNoAccount = passwordEncoder.encode(HexFormat.of().formatHex(SecureRandom.getSeed(16)));
  }

  @Override
  public Authentication authenticate(Authentication request) {
    if (!(request.getCredentials() instanceof String password)) {
      throw new BadCredentialsException("Bad credentials");
    }
    String username = request.getName();
    String address = request.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    UserDetails account = find(username);
    Remembered remembered = account == null ? null
        : new Remembered(account.getUsername(), digest(account.getPassword() + '\0' + password));
    if (remembered != null && verified.getIfPresent(remembered) != null) {
      return signedIn(account);
    }
    throttle.check(username, address);
    boolean matches = passwordEncoder.matches(password, account == null ? hashOfNoAccount : account.getPassword());
    if (!matches || account == null || !account.isEnabled()) {
      throttle.failed(username, address);
      throw new BadCredentialsException("Bad credentials");
    }
    throttle.succeeded(username);
    verified.put(remembered, Boolean.TRUE);
    return signedIn(account);
  }

  @EventListener
  void accountChanged(AccountChangedEvent event) {
    verified.asMap().keySet().removeIf(remembered -> remembered.username().equals(event.username()));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private UserDetails find(String username) {
    try {
      return accounts.loadUserByUsername(username);
    } catch (UsernameNotFoundException unknown) {
      return null;
    } catch (RuntimeException storeFailed) {
      throw new InternalAuthenticationServiceException("The account could not be read", storeFailed);
    }
  }

  private static Authentication signedIn(UserDetails account) {
    if (!account.isEnabled()) {
      throw new BadCredentialsException("Bad credentials");
    }
    return UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
  }

  private String digest(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
