package org.tandem.platform.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against Camunda's identity service (salted SHA-512 hashes in ACT_ID_USER), so
 * the users and groups that Camunda Admin manages are the ones that log in to Tandem.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginThrottle throttle;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        String address =
                authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        var wait = throttle.blocked(username, address);
        if (wait.isPresent()) {
            // checked before the password: a guess that happens to be right is refused all the same
            throw new LoginThrottledException(wait.get());
        }
        if (username == null
                || username.isBlank()
                || credentials == null
                || !identityService.checkPassword(username, credentials.toString())) {
            throttle.failed(username, address);
            throw new BadCredentialsException("Identifiant ou mot de passe incorrect.");
        }
        throttle.succeeded(username);
        User user = identityService.createUserQuery().userId(username).singleResult();
        List<String> groups = identityService.createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId)
                .toList();
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
                        + (user.getLastName() == null ? "" : user.getLastName()))
                .trim();
        return name.isEmpty() ? fallback : name;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
