package nl.veiligheidskaart.service.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.veiligheidskaart.service.api.PasswordChange;
import nl.veiligheidskaart.service.security.AccountService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What every signed-in user may do with their own local account. */
@RestController
class AccountController {

  private final AccountService accounts;

  AccountController(AccountService accounts) {
    this.accounts = accounts;
  }

  /** A new password; sessions of the account end with it (sign in again with the new one). */
  @PutMapping("/api/v1/account/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void changePassword(@RequestBody PasswordChange change, Authentication user, HttpServletRequest request) {
    accounts.changeOwnPassword(user, change, request.getRemoteAddr()).audited();
  }
}
