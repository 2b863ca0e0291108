package nl.veiligheidskaart.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A local account as read from the store for a sign-in. Beside what Spring Security's user holds
 * it keeps a fingerprint of the password hash, which outlives the erasing of credentials after
 * sign-in: a session can tell from it that the password was changed since (or reset by an ADMIN).
 */
final class SignedInAccount extends User {

  private final String passwordFingerprint;

  SignedInAccount(String username, String passwordHash, boolean enabled,
      Collection<? extends GrantedAuthority> authorities) {
    super(username, passwordHash, enabled, true, true, true, authorities);
    this.passwordFingerprint = fingerprint(passwordHash);
  }

  /** Why a session signed in as {@code this} may no longer go on as the account now stands; null when it may. */
  String changedSince(SignedInAccount now) {
    if (!now.isEnabled()) {
      return "the account was disabled";
    }
    if (!passwordFingerprint.equals(now.passwordFingerprint)) {
      return "the password was changed";
    }
    if (!Set.copyOf(getAuthorities()).equals(Set.copyOf(now.getAuthorities()))) {
      return "the role or municipality was changed";
    }
    return null;
  }

  private static String fingerprint(String passwordHash) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(passwordHash.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // Equal as Spring Security's users are: by name (the fingerprint is not part of who it is).
  @Override
  public boolean equals(Object other) {
    return super.equals(other);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
