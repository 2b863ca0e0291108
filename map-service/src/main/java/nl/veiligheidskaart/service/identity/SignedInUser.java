package nl.veiligheidskaart.service.identity;

import java.util.Optional;
import nl.veiligheidskaart.service.api.UserAccount;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Reads who is signed in, and in which role, from an authentication. */
public final class SignedInUser {

  /** The authority that names a MUNICIPALITY account's municipality, followed by its code. */
  public static final String MUNICIPALITY_PREFIX = "MUNICIPALITY_";

  private SignedInUser() {
  }

  public static Optional<Role> role(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> Role.valueOf(a.substring("ROLE_".length())))
        .findFirst();
  }

  public static Optional<String> municipality(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(MUNICIPALITY_PREFIX))
        .map(a -> a.substring(MUNICIPALITY_PREFIX.length()))
        .findFirst();
  }

  public static UserAccount describe(Authentication authentication) {
    return new UserAccount(authentication.getName(), role(authentication).map(Role::name).orElse(null),
        municipality(authentication).orElse(null));
  }
}
