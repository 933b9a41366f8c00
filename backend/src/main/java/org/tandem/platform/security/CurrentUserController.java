package org.tandem.platform.security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/me")
class CurrentUserController {

    private final CurrentUsers currentUsers;

    CurrentUserController(CurrentUsers currentUsers) {
        this.currentUsers = currentUsers;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    CurrentUser me() {
        return currentUsers.current();
    }
}
