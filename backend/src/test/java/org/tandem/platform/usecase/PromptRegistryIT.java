package org.tandem.platform.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/** Pre-prompt versions on PostgreSQL: a new text gets the next number, a known text keeps its own, a label finds its text. */
@TandemIntegrationTest
class PromptRegistryIT {

    @Autowired
    PromptRegistry registry;

    @Autowired
    UseCaseCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    final List<String> keys = new ArrayList<>();

    @AfterEach
    void removeVersions() {
        keys.forEach(key -> {
            // the first version of a use case is authorised at installation: its decision goes first
            jdbc.sql("delete from prompt_authorization where use_case_key = ?")
                    .param(key)
                    .update();
            jdbc.sql("delete from prompt_version where use_case_key = ?")
                    .param(key)
                    .update();
        });
    }

    private String newKey() {
        String key = "prompt-test-" + System.nanoTime();
        keys.add(key);
        return key;
    }

    @Test
    void aChangedPrePromptGetsTheNextVersionAndAKnownOneKeepsItsOwn() {
        String key = newKey();
        PromptVersion first = registry.register(key, "Tu rédiges un courrier.");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.label()).isEqualTo(key + "@v1");
        assertThat(registry.register(key, "Tu rédiges un courrier.")).isEqualTo(first);

        PromptVersion second = registry.register(key, "Tu rédiges un courrier court.");
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.prePrompt()).isEqualTo("Tu rédiges un courrier court.");

        assertThat(registry.register(key, "Tu rédiges un courrier.").version())
                .as("back to the first text: its version, not a third one")
                .isEqualTo(1);
        assertThat(registry.register(key, "Tu rédiges un courrier. ").version())
                .as("one more space is another text")
                .isEqualTo(3);
    }

    @Test
    void theFirstVersionServesAtOnceALaterOneWaitsForItsAuthorisationAndAModelMakesAVersion() {
        String key = newKey();
        PromptVersion first = registry.register(key, "Tu rédiges un courrier.");
        assertThat(authorizations.status(key, 1)).isEqualTo(PromptAuthorizations.Status.AUTHORISED);
        assertThat(authorizations.history(key).get(0).basis()).isEqualTo(PromptAuthorizations.Basis.INSTALLATION);
        assertThat(authorizations.personAuthorization(first.label()))
                .as("installation is nobody's authorisation of unattended answers")
                .isEmpty();
        PromptVersion second = registry.register(key, "Tu rédiges un courrier bref.");
        assertThat(authorizations.status(key, second.version())).isEqualTo(PromptAuthorizations.Status.PENDING);
        assertThat(authorizations.servingVersion(key)).contains(1);
        PromptVersion withModel = registry.register(key, "Tu rédiges un courrier.", "mistral-large-latest");
        assertThat(withModel.version())
                .as("the same text with another model is a new version")
                .isEqualTo(3);
        assertThat(registry.byLabel(withModel.label()).model()).isEqualTo("mistral-large-latest");
        assertThat(registry.register(key, "Tu rédiges un courrier.").version()).isEqualTo(1);
    }

    @Autowired
    PromptAuthorizations authorizations;

    @Test
    void versionsAreNumberedPerUseCase() {
        String a = newKey();
        String b = newKey();
        registry.register(a, "Texte A1");
        registry.register(a, "Texte A2");
        assertThat(registry.register(b, "Texte A2").version()).isEqualTo(1);
    }

    @Test
    void aLabelGivesBackTheTextOfItsVersion() {
        String key = newKey();
        registry.register(key, "Première consigne.");
        registry.register(key, "Seconde consigne.");
        assertThat(registry.byLabel(key + "@v1").prePrompt()).isEqualTo("Première consigne.");
        assertThat(registry.byLabel(key + "@v2")).isEqualTo(new PromptVersion(key, 2, "Seconde consigne."));
    }

    @Test
    void everyUseCaseOfTheCatalogueStartsWithTheVersionOfItsFile() {
        for (UseCase useCase : catalog.all()) {
            PromptVersion file = registry.fileVersion(useCase);
            assertThat(file.useCaseKey()).isEqualTo(useCase.key());
            assertThat(file.prePrompt()).isEqualTo(useCase.prePrompt());
            assertThat(registry.byLabel(file.label())).isEqualTo(file);
            // the file's version serves unless a version registered later was evaluated and authorised (the
            // quality loop's ITs do that on their test use case, in this shared database)
            PromptVersion current = registry.current(useCase);
            assertThat(current.useCaseKey()).isEqualTo(useCase.key());
            if (!current.equals(file)) {
                assertThat(current.version()).as(useCase.key()).isGreaterThan(file.version());
            }
        }
        // registered at start-up: asking again creates nothing
        int before = jdbc.sql("select count(*) from prompt_version")
                .query(Integer.class)
                .single();
        registry.registerCurrentPrompts();
        assertThat(jdbc.sql("select count(*) from prompt_version")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aNewCaseRecordsTheVersionItStartedWith() {
        Api api = new Api(mvc);
        Api.Response created = api.post(
                "alice",
                "/api/cases",
                java.util.Map.of(
                        "useCaseKey", "meeting-report",
                        "memberId", "M-1004",
                        "subject", "Version du pré-prompt",
                        "message", "Notes : le sociétaire souhaite assurer un second véhicule."));
        assertThat(created.status()).isEqualTo(201);
        String recorded = jdbc.sql("select prompt_version from content_case where id = ?")
                .param(created.body().get("id").asLong())
                .query(String.class)
                .single();
        assertThat(recorded)
                .isEqualTo(registry.current(catalog.require("meeting-report")).label());
    }
}
