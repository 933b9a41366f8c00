package org.tandem.platform.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The one way to read who is calling. */
@Component
public class CurrentUsers {

    public CurrentUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("Vous devez vous connecter.");
        }
        return from(authentication);
    }

    static CurrentUser from(Authentication authentication) {
        String displayName = authentication.getDetails() instanceof String s
                ? s
                : authentication.getPrincipal() instanceof org.springframework.security.oauth2.core.oidc.user.OidcUser o
                                && o.getFullName() != null
                        ? o.getFullName()
                        : authentication.getName();
        return TandemUserDetails.currentUser(authentication.getName(), displayName, authentication.getAuthorities());
    }
}
