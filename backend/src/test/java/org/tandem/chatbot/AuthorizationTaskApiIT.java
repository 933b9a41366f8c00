package org.tandem.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.platform.usecase.PromptRegistry;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/** The AI referent's screen reads the pre-prompt version through the API and authorises only after displaying it. */
@TandemIntegrationTest
class AuthorizationTaskApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    PromptRegistry prompts;

    @Autowired
    UseCaseCatalog useCases;

    @Test
    void theReferentReadsTheVersionAndAuthorisesOnlyOnceDisplayed() {
        Api api = new Api(mvc);
        var version = prompts.current(useCases.find("member-chatbot").orElseThrow());
        // a request of its own: the one asked at start-up may already be decided by another test
        String instance = runtimeService
                .startProcessInstanceByKey(UnattendedAuthorizations.PROCESS_KEY, version.label())
                .getId();
        String id = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();

        Api.Response read = api.get("rachel", "/api/tasks/" + id + "/authorization");
        assertThat(read.status()).as(String.valueOf(read.body())).isEqualTo(200);
        assertThat(read.body().get("promptVersion").asText()).isEqualTo(version.label());
        assertThat(read.body().get("version").asInt()).isEqualTo(version.version());
        assertThat(read.body().get("useCaseKey").asText()).isEqualTo("member-chatbot");
        assertThat(read.body().get("useCaseName").asText()).isNotBlank();
        assertThat(read.body().get("prePrompt").asText()).isEqualTo(version.prePrompt());
        assertThat(api.get("bob", "/api/tasks/" + id + "/authorization").status())
                .isEqualTo(403);

        Api.Response early = api.post("rachel", "/api/tasks/" + id + "/complete", Map.of("decision", "APPROVE"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("message").asText()).contains("Affichez le texte en entier");
        Api.Response refusedWithoutReason =
                api.post("rachel", "/api/tasks/" + id + "/complete", Map.of("decision", "REJECT"));
        assertThat(refusedWithoutReason.status()).isEqualTo(400);
        assertThat(refusedWithoutReason.body().get("fieldErrors").get("reason").asText())
                .contains("pourquoi");

        assertThat(api.post("rachel", "/api/tasks/" + id + "/viewed", Map.of("timeSpentMs", 7000))
                        .status())
                .isEqualTo(200);
        Api.Response approved = api.post("rachel", "/api/tasks/" + id + "/complete", Map.of("decision", "APPROVE"));
        assertThat(approved.status()).as(String.valueOf(approved.body())).isEqualTo(200);
        assertThat(approved.body().get("completed").asBoolean()).isTrue();
        assertThat(taskService.createTaskQuery().processInstanceId(instance).count())
                .isZero();
    }

    @Test
    void aTaskOfAnotherKindIsNotAnAuthorisation() {
        Api api = new Api(mvc);
        assertThat(api.get("rachel", "/api/tasks/unknown/authorization").status())
                .isEqualTo(404);
    }
}
