package org.tandem.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

/**
 * Login through an OpenID Connect provider (Keycloak…), on when a Spring Security client
 * registration is configured. The user's groups come from a claim of the ID token (or user info):
 * each value is a Tandem group — a role group (advisers, experts…) or a use case's group — after
 * the optional renaming in {@code tandem.oidc.group-mapping}; values that map to nothing are ignored.
 * When {@code tandem.oidc.entity-claim} names a claim, its value places the person in that entity at each
 * login ({@link EntityClaimListener}).
 */
final class OidcLogin {

    private static final Logger log = LoggerFactory.getLogger(OidcLogin.class);

    /** @param entityClaim the claim holding the person's entity code; empty: placements are made in Tandem */
    @ConfigurationProperties("tandem.oidc")
    record Properties(String groupsClaim, String usernameClaim, Map<String, String> groupMapping, String entityClaim) {
        Properties {
            groupsClaim = StringUtils.hasText(groupsClaim) ? groupsClaim : "groups";
            usernameClaim = StringUtils.hasText(usernameClaim) ? usernameClaim : "preferred_username";
            groupMapping = groupMapping == null ? Map.of() : groupMapping;
            entityClaim = StringUtils.hasText(entityClaim) ? entityClaim.strip() : null;
        }
    }

    private OidcLogin() {}

    static OAuth2UserService<OidcUserRequest, OidcUser> userService(
            Properties properties, List<EntityClaimListener> listeners) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            List<String> groups = groups(user.getClaims().get(properties.groupsClaim()), properties.groupMapping());
            String nameClaim =
                    user.getClaims().containsKey(properties.usernameClaim()) ? properties.usernameClaim() : "sub";
            OidcUser tandemUser = new DefaultOidcUser(
                    TandemUserDetails.authorities(groups), user.getIdToken(), user.getUserInfo(), nameClaim);
            if (properties.entityClaim() != null) {
                List<String> values = values(user.getClaims().get(properties.entityClaim()));
                for (EntityClaimListener listener : listeners) {
                    try {
                        listener.entityClaimed(tandemUser.getName(), values);
                    } catch (RuntimeException e) {
                        // the person still logs in; their placement stays as it was
                        log.warn("OIDC entity claim of {} not applied: {}", tandemUser.getName(), e.toString());
                    }
                }
            }
            return tandemUser;
        };
    }

    /** A claim's values: each element of a list, a string as it is; blank ones dropped. */
    static List<String> values(Object claim) {
        Collection<?> values = claim instanceof Collection<?> c ? c : claim == null ? List.of() : List.of(claim);
        List<String> out = new ArrayList<>();
        for (Object value : values) {
            String text = String.valueOf(value).strip();
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    /** Claim values as group ids; "/tandem/advisers" (Keycloak's group paths) keeps its last segment. */
    static List<String> groups(Object claim, Map<String, String> mapping) {
        Collection<?> values = claim instanceof Collection<?> c
                ? c
                : claim instanceof String s ? List.of(s.split("[,\\s]+")) : List.of();
        LinkedHashSet<String> groups = new LinkedHashSet<>();
        for (Object value : values) {
            String name = String.valueOf(value).strip();
            String mapped = mapping.getOrDefault(name, name.substring(name.lastIndexOf('/') + 1));
            if (StringUtils.hasText(mapped) && mapped.matches("[A-Za-z0-9_.-]{1,64}")) {
                groups.add(mapped);
            }
        }
        return new ArrayList<>(groups);
    }
}
