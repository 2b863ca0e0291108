package nl.veiligheidskaart.service.web;

import nl.veiligheidskaart.service.api.NewUserAccount;
import nl.veiligheidskaart.service.api.UserAccount;
import nl.veiligheidskaart.service.security.AccountService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User administration (role ADMIN, enforced by the security configuration). */
@RestController
class AdminUserController {

  private final AccountService accounts;

  AdminUserController(AccountService accounts) {
    this.accounts = accounts;
  }

  @PostMapping("/api/v1/admin/users")
  @ResponseStatus(HttpStatus.CREATED)
  UserAccount create(@RequestBody NewUserAccount request) {
    return accounts.create(request);
  }
}
