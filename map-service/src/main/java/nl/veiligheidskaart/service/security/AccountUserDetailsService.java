package nl.veiligheidskaart.service.security;

import java.util.List;
import java.util.Locale;
import nl.veiligheidskaart.service.identity.SignedInUser;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a local account for a sign-in, afresh from the store on every request (the row is read by
 * its key): a change made by any replica counts at once. The municipality of a MUNICIPALITY
 * account travels as an authority.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

  /** Authority prefix that carries the municipality an account is bound to. */

  private final UserAccountRepository accounts;

  AccountUserDetailsService(UserAccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  @Transactional(readOnly = true)
  public SignedInAccount loadUserByUsername(String username) {
    UserAccountEntity account = accounts.findById(username.toLowerCase(Locale.ROOT))
        .orElseThrow(() -> new UsernameNotFoundException("No account " + username));
    List<SimpleGrantedAuthority> authorities = account.getMunicipalityCode() == null
        ? List.of(new SimpleGrantedAuthority(account.getRole().authority()))
        : List.of(new SimpleGrantedAuthority(account.getRole().authority()),
            new SimpleGrantedAuthority(SignedInUser.MUNICIPALITY_PREFIX + account.getMunicipalityCode()));
    return new SignedInAccount(account.getUsername(), account.getPasswordHash(), account.isEnabled(), authorities);
  }
}
