package org.tandem.demo;

import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tandem.governance.entities.EntityDirectory;

/** With the demo profile: a few agencies and a claims centre, and the demo users placed in them. */
@Component
@Profile("demo")
@Order(1)
class DemoEntities implements ApplicationRunner {

    static final Map<String, String> ENTITIES = Map.of(
            "agence-niort", "Agence de Niort",
            "agence-lyon", "Agence de Lyon",
            "agence-nantes", "Agence de Nantes",
            "agence-lille", "Agence de Lille",
            "centre-sinistres", "Centre de gestion des sinistres de Poitiers");

    static final Map<String, String> PLACES = Map.of(
            "alice", "agence-niort",
            "paul", "agence-lyon",
            "bob", "agence-niort",
            "chloe", "agence-lyon",
            "ines", "centre-sinistres",
            "hugo", "centre-sinistres",
            "marc", "agence-niort");

    private final EntityDirectory directory;

    DemoEntities(EntityDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        ENTITIES.forEach(directory::ensureEntity);
        PLACES.forEach(directory::assign);
    }
}
