package nl.veiligheidskaart.service.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.identity.Role;
import nl.veiligheidskaart.service.identity.SignedInUser;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified OpenID Connect access token into a user of this service, exactly as a local
 * account would be: a name, one role and, for MUNICIPALITY, one of the 76 municipalities. A token
 * that does not say this unambiguously is refused rather than given a guessed role: access must
 * follow from what the identity provider states.
 */
final class TokenAccountConverter implements Converter<Jwt, JwtAuthenticationToken> {

  private final VeiligheidskaartProperties.Oidc claims;
  private final Map<String, Role> roleOfValue;
  private final ReferenceGeography reference;

  TokenAccountConverter(VeiligheidskaartProperties.Oidc claims, ReferenceGeography reference) {
    this.claims = claims;
    this.reference = reference;
    this.roleOfValue = roleOfValue(claims.roles());
  }

  /** The configured mapping, checked at start-up: a misspelt role must stop the service, not lock users out. */
  private static Map<String, Role> roleOfValue(Map<String, String> configured) {
    if (configured.isEmpty()) {
      return Arrays.stream(Role.values()).collect(Collectors.toUnmodifiableMap(Role::name, role -> role));
    }
    Map<String, Role> mapping = new HashMap<>();
    configured.forEach((value, role) -> {
      try {
        mapping.put(value, Role.valueOf(role.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("veiligheidskaart.oidc.roles maps '" + value + "' to '" + role
            + "', which is not one of ANALYST, MUNICIPALITY, BBG, ADMIN", e);
      }
    });
    return Map.copyOf(mapping);
  }

  @Override
  public JwtAuthenticationToken convert(Jwt token) {
    String username = token.getClaimAsString(claims.usernameClaim());
    if (username == null || username.isBlank()) {
      throw refused("it has no '" + claims.usernameClaim() + "' claim to name the user");
    }
    Role role = role(token);
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority(role.authority()));
    if (role == Role.MUNICIPALITY) {
      authorities.add(new SimpleGrantedAuthority(SignedInUser.MUNICIPALITY_PREFIX + municipality(token)));
    }
    return new JwtAuthenticationToken(token, authorities, username.strip());
  }

  private Role role(Jwt token) {
    Set<Role> roles = new TreeSet<>();
    for (String value : strings(claim(token.getClaims(), claims.roleClaim()))) {
      Role role = roleOfValue.get(value);
      if (role != null) {
        roles.add(role);
      }
    }
    if (roles.isEmpty()) {
      throw refused("its '" + claims.roleClaim() + "' claim gives none of this service's roles");
    }
    if (roles.size() > 1) {
      throw refused("its '" + claims.roleClaim() + "' claim gives more than one role " + roles
          + "; a user of this service has exactly one");
    }
    return roles.iterator().next();
  }

  private String municipality(Jwt token) {
    String code = token.getClaimAsString(claims.municipalityClaim());
    if (code == null || code.isBlank()) {
      throw refused("role MUNICIPALITY needs a '" + claims.municipalityClaim() + "' claim with a municipality code");
    }
    return reference.municipality(code.strip())
        .orElseThrow(() -> refused("its '" + claims.municipalityClaim()
            + "' claim is not the code of a municipality in Oost-Nederland"))
        .code();
  }

  /** Follows a dotted path through nested claims, as identity providers nest roles under their clients. */
  private static Object claim(Map<String, Object> root, String path) {
    Object current = root;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }

  private static Collection<String> strings(Object claim) {
    if (claim instanceof String single) {
      return List.of(single.split("[ ,]+"));
    }
    if (claim instanceof Collection<?> many) {
      return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }

  private static InvalidBearerTokenException refused(String reason) {
    return new InvalidBearerTokenException("The token was refused: " + reason + ".");
  }
}
