package org.tandem.platform.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Creates groups and users in Camunda's identity service if they are missing; never changes an existing one. */
@Component
public class Identities {

    private final IdentityService identityService;

    Identities(IdentityService identityService) {
        this.identityService = identityService;
    }

    public void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(Role.ofGroup(id).isPresent() ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    /** The user (salted password hash) and their memberships; an existing user keeps their password. */
    public void ensureUser(String id, String firstName, String lastName, String password, List<String> groups) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@tandem.example");
            user.setPassword(password);
            identityService.saveUser(user);
        }
        for (String group : groups) {
            if (identityService
                            .createUserQuery()
                            .userId(id)
                            .memberOfGroup(group)
                            .count()
                    == 0) {
                identityService.createMembership(id, group);
            }
        }
    }
}
