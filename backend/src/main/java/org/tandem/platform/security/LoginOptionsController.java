package org.tandem.platform.security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The login page asks, before anyone is logged in, which ways to log in it should offer. */
@RestController
@RequestMapping("/api/public/login-options")
class LoginOptionsController {

    private final LoginOptions options;

    LoginOptionsController(LoginOptions options) {
        this.options = options;
    }

    @GetMapping
    @PreAuthorize("permitAll()")
    LoginOptions.Options options() {
        return options.options();
    }
}
