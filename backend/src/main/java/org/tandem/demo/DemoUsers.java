package org.tandem.demo;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tandem.platform.security.Identities;

/** One user per role (password = user name), after the groups exist; the start-up log prints them. */
@Component
@Profile("demo")
@Order(1)
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    record DemoUser(String id, String firstName, String lastName, String roleLabel, List<String> groups) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("alice", "Alice", "Conseil", "conseillère", List.of("advisers")),
            new DemoUser("paul", "Paul", "Conseil", "conseiller, autre agence", List.of("advisers")),
            new DemoUser(
                    "bob",
                    "Bob",
                    "Expert",
                    "expert relation sociétaires",
                    List.of("experts", "member-relations-experts")),
            new DemoUser(
                    "chloe",
                    "Chloé",
                    "Relation",
                    "experte relation sociétaires",
                    List.of("experts", "member-relations-experts")),
            new DemoUser("ines", "Inès", "Sinistres", "experte sinistres", List.of("experts", "claims-experts")),
            new DemoUser("hugo", "Hugo", "Sinistres", "expert sinistres", List.of("experts", "claims-experts")),
            new DemoUser("marc", "Marc", "Manager", "manager", List.of("managers")),
            new DemoUser("diane", "Diane", "Direction", "direction", List.of("directorate")),
            new DemoUser("eric", "Éric", "Éthique", "comité éthique et contrôle", List.of("ethics-committee")),
            new DemoUser("rachel", "Rachel", "Référente", "référente IA", List.of("ai-referents")),
            new DemoUser(
                    "portal",
                    "Portail",
                    "Sociétaires",
                    "compte de service du portail sociétaires (chatbot)",
                    List.of("services")),
            new DemoUser("admin", "Ada", "Admin", "administratrice", List.of("camunda-admin")),
            // issue 16: the data protection officer, who erases a member's data on request
            new DemoUser(
                    "dora",
                    "Dora",
                    "Protection",
                    "déléguée à la protection des données (effacements)",
                    List.of("dpo")));

    private final Identities identities;

    DemoUsers(Identities identities) {
        this.identities = identities;
    }

    @Override
    public void run(ApplicationArguments args) {
        USERS.forEach(u -> identities.ensureUser(u.id(), u.firstName(), u.lastName(), u.id(), u.groups()));
        StringBuilder message = new StringBuilder("\n\n  Tandem demo — log in with (user / password):\n");
        USERS.forEach(u -> message.append(String.format("    %-7s / %-7s  %s%n", u.id(), u.id(), u.roleLabel())));
        message.append("  Camunda Cockpit, Tasklist and Admin: /camunda (user admin)\n");
        log.info(message.toString());
    }
}
