package org.tandem.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Builds the Spring Security authorities and the {@link CurrentUser} from Camunda groups. */
final class TandemUserDetails {

    static final String GROUP_PREFIX = "GROUP_";

    private TandemUserDetails() {}

    static Collection<GrantedAuthority> authorities(List<String> groupIds) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String groupId : groupIds) {
            authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + groupId));
            Role.ofGroup(groupId).ifPresent(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        }
        return authorities;
    }

    static CurrentUser currentUser(
            String username, String displayName, Collection<? extends GrantedAuthority> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> groups = new ArrayList<>();
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (name.startsWith(GROUP_PREFIX)) {
                groups.add(name.substring(GROUP_PREFIX.length()));
            } else if (name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring(5)));
                } catch (IllegalArgumentException ignored) {
                    // an authority from elsewhere (e.g. a token) that is not one of ours
                }
            }
        }
        return new CurrentUser(username, displayName, roles, List.copyOf(groups));
    }
}
