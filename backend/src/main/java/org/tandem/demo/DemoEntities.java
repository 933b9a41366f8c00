package org.tandem.demo;

import java.util.EnumSet;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tandem.governance.entities.EntityImport;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;

/**
 * With the demo profile: two directorates, a few agencies under the network's and a claims centre under
 * the claims', and the demo users placed in them — through the same CSV import an administrator uses
 * (README « Organisation »), so the demo needs nothing the real installation lacks.
 */
@Component
@Profile("demo")
@Order(1)
class DemoEntities implements ApplicationRunner {

    /** The demo's organisation, as an administrator would import it. */
    static final String CSV = """
            # Organisation de démonstration (format : README, « Organisation »)
            type;code;nom;nature;parent
            entite;direction-reseau;Direction du Réseau;direction;
            entite;direction-sinistres;Direction Sinistres;direction;
            entite;agence-niort;Agence de Niort;agence;direction-reseau
            entite;agence-lyon;Agence de Lyon;agence;direction-reseau
            entite;agence-nantes;Agence de Nantes;agence;direction-reseau
            entite;agence-lille;Agence de Lille;agence;direction-reseau
            entite;centre-sinistres;Centre de gestion des sinistres de Poitiers;service;direction-sinistres
            personne;alice;agence-niort
            personne;paul;agence-lyon
            personne;bob;agence-niort
            personne;chloe;agence-lyon
            personne;ines;centre-sinistres
            personne;hugo;centre-sinistres
            personne;marc;agence-niort
            """;

    private static final CurrentUser DEMO = new CurrentUser("demo", "Démo", EnumSet.of(Role.ADMIN), List.of());

    private final EntityImport imports;

    DemoEntities(EntityImport imports) {
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) {
        imports.run(CSV, DEMO);
    }
}
