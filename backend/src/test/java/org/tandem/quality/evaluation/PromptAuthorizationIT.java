package org.tandem.quality.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.platform.usecase.PromptAuthorizations;
import org.tandem.platform.usecase.PromptRegistry;
import org.tandem.platform.usecase.PromptVersion;
import org.tandem.quality.QualityFlow;
import org.tandem.support.Api;
import org.tandem.support.Browser;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/**
 * Only an authorised pre-prompt version serves new cases, on the real engine, PostgreSQL and HTTP: a new
 * version waits while it is evaluated on the use case's reference set (offline drafter) and cases filed
 * meanwhile keep the version in service; authorised by an AI referent after reading the comparison, it
 * serves; refused, it never does; a completion of the referent's task through the engine's REST API
 * authorises nothing.
 */
@TandemIntegrationTest
class PromptAuthorizationIT {

    static final String KEY = QualityFlow.USE_CASE;

    @Autowired
    MockMvc mvc;

    @Autowired
    PromptRegistry prompts;

    @Autowired
    PromptAuthorizations authorizations;

    @Autowired
    PromptEvaluations evaluations;

    @Autowired
    EvaluationWorker worker;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    Api api;
    QualityFlow flow;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        flow = new QualityFlow(api);
    }

    private String versionOfNewCase(String subject) {
        long id = flow.file("M-1002", subject, "Bonjour, pouvez-vous me rappeler les horaires de l'agence ?");
        return jdbc.sql("select prompt_version from content_case where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    /** The referent's task of the run, once the worker drafted the reference set. */
    private Task awaitDecisionTask(String label) {
        return Eventually.await("the authorisation task of " + label, Duration.ofSeconds(60), () -> {
            worker.runOnce();
            return taskService
                    .createTaskQuery()
                    .taskDefinitionKey(PromptAuthorizations.AUTHORIZE_TASK)
                    .processInstanceBusinessKey(label)
                    .singleResult();
        });
    }

    private PromptVersion candidate(String text) {
        PromptVersion v = prompts.register(KEY, text + " (" + System.nanoTime() + ")");
        assertThat(authorizations.status(KEY, v.version()))
                .as("a later version waits for its evaluation")
                .isEqualTo(PromptAuthorizations.Status.PENDING);
        return v;
    }

    @Test
    void anEvaluatedAndAuthorisedVersionServesNewCasesARefusedOneNever() {
        // a reference set: three approved cases of the use case
        for (int i = 0; i < 3; i++) {
            flow.acceptedAndDisclosed(
                    "M-1001",
                    "Référence " + i + " pour Camille Martin " + System.nanoTime(),
                    "Bonjour, merci de confirmer la réception de mon courrier.");
        }
        String serving = prompts.current(flow_useCase()).label();

        PromptVersion v2 = candidate("Tu rédiges une réponse brève, chaleureuse, signée « Votre conseiller ».");
        assertThat(versionOfNewCase("Pendant l'évaluation " + System.nanoTime()))
                .as("a case filed while the new version awaits keeps the authorised one")
                .isEqualTo(serving);

        long run = evaluations.request(PromptVersion.parse(v2.label()), "rachel");
        assertThat(evaluations.request(PromptVersion.parse(v2.label()), "rachel"))
                .as("one open run per version")
                .isEqualTo(run);
        Task decision = awaitDecisionTask(v2.label());

        JsonNode comparison = api.get("rachel", "/api/tasks/" + decision.getId() + "/prompt-evaluation")
                .body();
        assertThat(comparison.get("status").asText()).isEqualTo("DONE");
        assertThat(comparison.get("candidate").get("label").asText()).isEqualTo(v2.label());
        assertThat(comparison.get("baseline").get("label").asText()).isEqualTo(serving);
        assertThat(comparison.get("totalCases").asInt()).isEqualTo(6);
        assertThat(comparison.get("doneCases").asInt()).isEqualTo(6);
        assertThat(comparison.get("candidateTotals").get("drafted").asInt()).isEqualTo(3);
        assertThat(comparison.get("baselineTotals").get("drafted").asInt()).isEqualTo(3);
        for (JsonNode c : comparison.get("cases")) {
            // the offline drafter fills the same template whatever the pre-prompt: the approved texts are its drafts
            assertThat(c.get("candidate").get("editDistance").asDouble()).isZero();
            assertThat(c.get("candidate").get("length").asInt()).isPositive();
            assertThat(c.get("candidate").get("model").asText()).isEqualTo("offline-drafter");
            // the texts the referent reads are pseudonymised: the member's name is a token
            assertThat(c.get("approvedText").asText()).doesNotContain("Martin").contains("[PERSONNE_1");
            assertThat(c.get("candidate").get("text").asText()).doesNotContain("Camille");
        }
        assertThat(api.get("marc", "/api/quality/evaluations/" + run).status()).isEqualTo(200);
        assertThat(api.get("bob", "/api/quality/evaluations/" + run).status()).isEqualTo(403);

        // authorising needs the comparison and the text displayed to the end
        Api.Response early =
                api.post("rachel", "/api/tasks/" + decision.getId() + "/complete", Map.of("decision", "APPROVE"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("message").asText()).contains("Affichez le texte en entier");
        assertThat(api.post("bob", "/api/tasks/" + decision.getId() + "/complete", Map.of("decision", "APPROVE"))
                        .status())
                .as("an expert is not an AI referent")
                .isEqualTo(403);
        api.post("rachel", "/api/tasks/" + decision.getId() + "/viewed", Map.of("timeSpentMs", 40_000));
        assertThat(api.post("rachel", "/api/tasks/" + decision.getId() + "/complete", Map.of("decision", "APPROVE"))
                        .status())
                .isEqualTo(200);
        assertThat(authorizations.status(KEY, v2.version())).isEqualTo(PromptAuthorizations.Status.AUTHORISED);
        assertThat(authorizations.personAuthorization(v2.label()).orElseThrow().decidedBy())
                .isEqualTo("rachel");
        assertThat(versionOfNewCase("Après l'autorisation " + System.nanoTime()))
                .as("the authorised version serves new cases")
                .isEqualTo(v2.label());

        // a refused version never serves
        PromptVersion v3 = candidate("Tu rédiges une réponse en une ligne.");
        evaluations.request(PromptVersion.parse(v3.label()), "rachel");
        Task refusal = awaitDecisionTask(v3.label());
        Api.Response noReason =
                api.post("rachel", "/api/tasks/" + refusal.getId() + "/complete", Map.of("decision", "REJECT"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("fieldErrors").get("reason").asText()).contains("Expliquez");
        assertThat(api.post(
                                "rachel",
                                "/api/tasks/" + refusal.getId() + "/complete",
                                Map.of("decision", "REJECT", "reason", "Trop sec pour un sociétaire."))
                        .status())
                .isEqualTo(200);
        assertThat(authorizations.status(KEY, v3.version())).isEqualTo(PromptAuthorizations.Status.REFUSED);
        assertThat(versionOfNewCase("Après le refus " + System.nanoTime())).isEqualTo(v2.label());
        assertThat(api.post("rachel", "/api/quality/use-cases/" + KEY + "/evaluations", Map.of("version", v3.version()))
                        .status())
                .as("a refused version is not evaluated again")
                .isEqualTo(409);
        assertThat(prompts.current(flow_useCase()).label()).isEqualTo(v2.label());

        // the referent's task completed through the engine's REST API, variables and all: nothing authorised
        PromptVersion v4 = candidate("Tu rédiges une réponse en vers.");
        evaluations.request(PromptVersion.parse(v4.label()), "rachel");
        Task forged = awaitDecisionTask(v4.label());
        Browser admin = new Browser(port, "admin").withBasic();
        assertThat(admin.json("POST", "/engine-rest/task/" + forged.getId() + "/assignee", "{\"userId\":\"rachel\"}")
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> completed = admin.json(
                "POST",
                "/engine-rest/task/" + forged.getId() + "/complete",
                "{\"variables\":{\"authorized\":{\"value\":true},\"decision\":{\"value\":\"APPROVE\"}}}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(authorizations.status(KEY, v4.version())).isEqualTo(PromptAuthorizations.Status.PENDING);
        assertThat(versionOfNewCase("Après la falsification " + System.nanoTime()))
                .isEqualTo(v2.label());

        // the versions as the quality screen lists them
        JsonNode versions = null;
        for (JsonNode u : api.get("rachel", "/api/quality/versions").body()) {
            if (u.get("useCaseKey").asText().equals(KEY)) {
                versions = u;
            }
        }
        assertThat(versions).isNotNull();
        assertThat(versions.get("servingLabel").asText()).isEqualTo(v2.label());
    }

    private org.tandem.platform.usecase.UseCase flow_useCase() {
        return useCases.require(KEY);
    }

    @Autowired
    org.tandem.platform.usecase.UseCaseCatalog useCases;
}
