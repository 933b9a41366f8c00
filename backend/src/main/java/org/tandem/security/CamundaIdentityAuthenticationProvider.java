package org.tandem.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against Camunda's identity service (salted SHA-512 hashes in ACT_ID_USER), so
 * the users and groups that Camunda Admin manages are the ones that log in to Tandem.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || username.isBlank() || credentials == null
                || !identityService.checkPassword(username, credentials.toString())) {
            throw new BadCredentialsException("Identifiant ou mot de passe incorrect.");
        }
        User user = identityService.createUserQuery().userId(username).singleResult();
        List<String> groups = identityService.createGroupQuery().groupMember(username).list()
                .stream().map(Group::getId).toList();
        var token = UsernamePasswordAuthenticationToken.authenticated(
                username, null, TandemUserDetails.authorities(groups));
        token.setDetails(displayName(user, username));
        return token;
    }

    private static String displayName(User user, String fallback) {
        if (user == null) {
            return fallback;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? fallback : name;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
