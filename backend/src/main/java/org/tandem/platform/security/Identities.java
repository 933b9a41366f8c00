package org.tandem.platform.security;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** A person of the identity service, as a picker shows them. */
    public record Person(String username, String displayName) {}

    /**
     * The people whose id or name contains {@code text} (case and accents ignored), at most {@code max},
     * by id. Reads the first {@link #SCAN} users: enough for the people of an insurer's Tandem; an
     * organisation beyond that signs in through OIDC, whose people are not in this service anyway.
     */
    public List<Person> search(String text, int max) {
        String wanted = fold(text == null ? "" : text);
        List<Person> found = new ArrayList<>();
        for (User user : identityService.createUserQuery().orderByUserId().asc().listPage(0, SCAN)) {
            Person person = new Person(user.getId(), displayName(user));
            if (fold(person.username()).contains(wanted)
                    || fold(person.displayName()).contains(wanted)) {
                found.add(person);
                if (found.size() >= max) {
                    break;
                }
            }
        }
        return found;
    }

    /** The person's first and last name, or their id when they have none. */
    public java.util.Optional<String> displayNameOf(String username) {
        return java.util.Optional.ofNullable(
                        identityService.createUserQuery().userId(username).singleResult())
                .map(Identities::displayName);
    }

    static final int SCAN = 5_000;

    private static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName()))
                .strip();
        return name.isEmpty() ? user.getId() : name;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .strip();
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
