package org.tandem.platform.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeathContextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Mon mari est décédé le 2 février.",
                "Suite au DÉCÈS de ma mère",
                "ma femme est decedee",
                "les obsèques auront lieu jeudi",
                "Toutes nos condoléances",
                "la succession de mon père est ouverte",
                "Je suis veuve depuis mars",
                "feu mon époux avait souscrit",
                "mon père nous a quittés",
                "elle s'est éteinte",
                "après la perte de mon fils",
                "le capital décès",
                "les pompes funèbres",
                "mon frère est mort dans l'accident",
                "le défunt",
                "funérailles",
                "nous sommes en deuil"
            })
    void deathsAreDetected(String text) {
        DeathContext context = DeathContext.detect(text);
        assertThat(context.detected()).as(text).isTrue();
        assertThat(context.cues()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "J'ignore si mon contrat couvre la grêle.",
                "une succession de sinistres cet hiver",
                "L'angle mort de mon rétroviseur",
                "ma voiture est au point mort",
                "Je souhaite résilier mon contrat.",
                "Le plaisir de conduire",
                ""
            })
    void ordinaryRequestsAreNot(String text) {
        assertThat(DeathContext.detect(text).detected()).as(text).isFalse();
    }
}
