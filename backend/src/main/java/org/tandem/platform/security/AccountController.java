package org.tandem.platform.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's accounts screen: the people who log in with a password, and opening one. */
@RestController
@RequestMapping("/api/admin/accounts")
class AccountController {

    private final Accounts accounts;
    private final CurrentUsers currentUsers;

    AccountController(Accounts accounts, CurrentUsers currentUsers) {
        this.accounts = accounts;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    Accounts.AccountList all() {
        return accounts.all(currentUsers.current());
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Accounts.Account create(@RequestBody Accounts.NewAccount request) {
        return accounts.create(request, currentUsers.current());
    }
}
