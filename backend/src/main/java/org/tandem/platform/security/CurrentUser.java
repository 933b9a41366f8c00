package org.tandem.platform.security;

import java.util.List;
import java.util.Set;

/** The authenticated person, as the API and the frontend see them. */
public record CurrentUser(String username, String displayName, Set<Role> roles, List<String> groups) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean inGroup(String groupId) {
        return groups.contains(groupId);
    }
}
