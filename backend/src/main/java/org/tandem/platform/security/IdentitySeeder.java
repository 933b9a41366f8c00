package org.tandem.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.tandem.platform.usecase.UseCaseCatalog;

/**
 * Creates the role groups and the groups the use cases name; with the demo profile, one user per
 * role (password = user name); outside it, a first administrator when TANDEM_ADMIN_PASSWORD is set.
 */
@Component
@Order(0)
class IdentitySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentitySeeder.class);

    record DemoUser(String id, String firstName, String lastName, String roleLabel, List<String> groups) {
    }

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("alice", "Alice", "Conseil", "conseillère", List.of("advisers")),
            new DemoUser("paul", "Paul", "Conseil", "conseiller, autre agence", List.of("advisers")),
            new DemoUser("bob", "Bob", "Expert", "expert relation sociétaires", List.of("experts", "member-relations-experts")),
            new DemoUser("chloe", "Chloé", "Relation", "experte relation sociétaires", List.of("experts", "member-relations-experts")),
            new DemoUser("ines", "Inès", "Sinistres", "experte sinistres", List.of("experts", "claims-experts")),
            new DemoUser("hugo", "Hugo", "Sinistres", "expert sinistres", List.of("experts", "claims-experts")),
            new DemoUser("marc", "Marc", "Manager", "manager", List.of("managers")),
            new DemoUser("diane", "Diane", "Direction", "direction", List.of("directorate")),
            new DemoUser("eric", "Éric", "Éthique", "comité éthique et contrôle", List.of("ethics-committee")),
            new DemoUser("rachel", "Rachel", "Référente", "référente IA", List.of("ai-referents")),
            new DemoUser("portal", "Portail", "Sociétaires", "compte de service du portail sociétaires (chatbot)", List.of("services")),
            new DemoUser("admin", "Ada", "Admin", "administratrice", List.of("camunda-admin")));

    private final IdentityService identityService;
    private final UseCaseCatalog useCases;
    private final boolean demo;
    private final String adminUser;
    private final String adminPassword;

    IdentitySeeder(IdentityService identityService, UseCaseCatalog useCases,
                   @Value("${tandem.demo.enabled:false}") boolean demo,
                   @Value("${tandem.bootstrap-admin.username:admin}") String adminUser,
                   @Value("${tandem.bootstrap-admin.password:}") String adminPassword) {
        this.identityService = identityService;
        this.useCases = useCases;
        this.demo = demo;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            groups.put(role.groupId(), role.groupName());
        }
        useCases.all().forEach(u -> {
            groups.putIfAbsent(u.expertGroup(), "Experts — " + u.name().fr());
            groups.putIfAbsent(u.approverGroup(), "Approbateurs — " + u.name().fr());
        });
        groups.forEach(this::ensureGroup);

        if (demo) {
            DEMO_USERS.forEach(u -> ensureUser(u.id(), u.firstName(), u.lastName(), u.id(), u.groups()));
            StringBuilder message = new StringBuilder("\n\n  Tandem demo — log in with (user / password):\n");
            DEMO_USERS.forEach(u -> message.append(String.format("    %-7s / %-7s  %s%n", u.id(), u.id(), u.roleLabel())));
            message.append("  Camunda Cockpit, Tasklist and Admin: /camunda (user admin)\n");
            log.info(message.toString());
        } else if (StringUtils.hasText(adminPassword)) {
            ensureUser(adminUser, "Admin", "Tandem", adminPassword, List.of(Role.ADMIN.groupId()));
        }
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(Role.ofGroup(id).isPresent() ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void ensureUser(String id, String firstName, String lastName, String password, List<String> groups) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@tandem.example");
            user.setPassword(password);
            identityService.saveUser(user);
        }
        for (String group : groups) {
            if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identityService.createMembership(id, group);
            }
        }
    }
}
