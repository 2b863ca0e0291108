package nl.veiligheidskaart.service.web;

import java.util.List;
import nl.veiligheidskaart.service.api.AccountUpdate;
import nl.veiligheidskaart.service.api.ManagedAccount;
import nl.veiligheidskaart.service.api.NewUserAccount;
import nl.veiligheidskaart.service.security.AccountService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User administration (role ADMIN, enforced by the security configuration); every change is an audit row. */
@RestController
class AdminUserController {

  private final AccountService accounts;

  AdminUserController(AccountService accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/api/v1/admin/users")
  List<ManagedAccount> list() {
    return accounts.list();
  }

  @PostMapping("/api/v1/admin/users")
  @ResponseStatus(HttpStatus.CREATED)
  ManagedAccount create(@RequestBody NewUserAccount request) {
    return accounts.create(request).audited();
  }

  @PatchMapping("/api/v1/admin/users/{username}")
  ManagedAccount change(@PathVariable String username, @RequestBody AccountUpdate update) {
    return accounts.change(username, update).audited();
  }

  @DeleteMapping("/api/v1/admin/users/{username}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String username) {
    accounts.delete(username).audited();
  }
}
