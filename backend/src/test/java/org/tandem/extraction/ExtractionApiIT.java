package org.tandem.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/** The fields endpoints through /api: who may read and verify them, and the French 4xx messages. */
@TandemIntegrationTest
class ExtractionApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identity;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        if (identity.createUserQuery().userId("paul").count() == 0) {
            // a second adviser, who must not read or verify alice's fields
            User paul = identity.newUser("paul");
            paul.setFirstName("Paul");
            paul.setLastName("Conseil");
            paul.setPassword("paul");
            identity.saveUser(paul);
            identity.createMembership("paul", "advisers");
        }
    }

    @Test
    void onlyTheRequesterAndTheUseCaseGroupsReadAndVerifyTheFields() {
        Api.Response created = api.post(
                "alice",
                "/api/cases",
                Map.of(
                        "useCaseKey",
                        "record-extraction",
                        "memberId",
                        "M-1001",
                        "subject",
                        "Relevé d'information",
                        "message",
                        ExtractionProcessIT.document("releve-dupont.txt")));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        Eventually.await(
                "the extraction of case " + id,
                Duration.ofSeconds(20),
                () -> "VERIFYING"
                        .equals(api.get("alice", "/api/cases/" + id)
                                .body()
                                .get("status")
                                .asText()));

        JsonNode fields = api.get("alice", "/api/cases/" + id + "/fields").body();
        assertThat(fields.get("total").asInt()).isEqualTo(10);
        assertThat(api.get("bob", "/api/cases/" + id + "/fields").status())
                .as("the use case's experts")
                .isEqualTo(200);
        Api.Response other = api.get("paul", "/api/cases/" + id + "/fields");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body().get("message").asText()).contains("ne fait pas partie de vos demandes");
        assertThat(api.get("ines", "/api/cases/" + id + "/fields").status()).isEqualTo(403);

        String taskId = null;
        for (JsonNode t : api.get("alice", "/api/tasks").body().get("items")) {
            if (t.get("caseId").asLong() == id) {
                taskId = t.get("id").asText();
            }
        }
        assertThat(taskId).isNotNull();
        assertThat(api.get("paul", "/api/tasks/" + taskId + "/fields").status()).isEqualTo(403);
        assertThat(api.post("paul", "/api/tasks/" + taskId + "/fields/numeroContrat", Map.of("status", "VERIFIED"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post("marc", "/api/tasks/" + taskId + "/fields/numeroContrat", Map.of("status", "VERIFIED"))
                        .status())
                .as("a manager has no role to verify")
                .isEqualTo(403);

        Api.Response wrongType = api.post(
                "alice",
                "/api/tasks/" + taskId + "/fields/sinistresResponsables",
                Map.of("value", "abc", "status", "CORRECTED"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().toString()).contains("La valeur « abc » n'est pas un nombre entier.");

        Api.Response ok =
                api.post("alice", "/api/tasks/" + taskId + "/fields/numeroContrat", Map.of("status", "VERIFIED"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("status").asText()).isEqualTo("VERIFIED");

        Api.Response pending = api.post("alice", "/api/tasks/" + taskId + "/complete", Map.of("decision", "SUBMIT"));
        assertThat(pending.status()).isEqualTo(400);
        assertThat(pending.body().toString()).contains("Champs encore à vérifier");
    }
}
