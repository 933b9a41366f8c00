package org.tandem.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/** The reply-letter path through /api, the real engine and PostgreSQL, as the adviser and the expert. */
@TandemIntegrationTest
class LetterApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private Map<String, String> letter(String subject) {
        return Map.of(
                "useCaseKey",
                "reply-letter",
                "memberId",
                "M-1001",
                "subject",
                subject,
                "message",
                "Bonjour, j'attends le remboursement de mon sinistre depuis trois semaines. Pouvez-vous me dire où en est mon dossier ?");
    }

    private long openAndAwaitReview(String subject) {
        Api.Response created = api.post("alice", "/api/cases", letter(subject));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        Eventually.await(
                "the AI draft of case " + id,
                Duration.ofSeconds(20),
                () -> "IN_REVIEW"
                        .equals(api.get("alice", "/api/cases/" + id)
                                .body()
                                .get("status")
                                .asText()));
        return id;
    }

    /**
     * The provider of this test context is the offline drafter; a label states a measured fact, so the
     * paths that a model's draft takes are tested with the draft recorded as a model's (as the worker records it).
     */
    private void aModelWroteTheDraft(long caseId) {
        jdbc.sql("update draft set producer = 'MODEL', model = 'test-model' where case_id = ? and producer = 'OFFLINE'")
                .param(caseId)
                .update();
    }

    private String taskIdFor(String user, long caseId) {
        JsonNode tasks = api.get(user, "/api/tasks").body().get("items");
        return StreamSupport.stream(tasks.spliterator(), false)
                .filter(t -> t.get("caseId").asLong() == caseId)
                .map(t -> t.get("id").asText())
                .findFirst()
                .orElse(null);
    }

    private String awaitTask(String user, long caseId, String taskKey) {
        return Eventually.await(taskKey + " task of case " + caseId, Duration.ofSeconds(10), () -> {
            JsonNode tasks = api.get(user, "/api/tasks").body().get("items");
            return StreamSupport.stream(tasks.spliterator(), false)
                    .filter(t -> t.get("caseId").asLong() == caseId
                            && t.get("taskKey").asText().equals(taskKey))
                    .map(t -> t.get("id").asText())
                    .findFirst()
                    .orElse(null);
        });
    }

    /** Decides as the screen does: having displayed the whole text first (a refused display changes nothing). */
    private Api.Response decide(String user, String taskId, Map<String, String> body) {
        if (java.util.Set.of("ACCEPT", "APPROVE").contains(body.get("decision"))) {
            api.post(user, "/api/tasks/" + taskId + "/viewed", Map.of("timeSpentMs", 5000));
        }
        return api.post(user, "/api/tasks/" + taskId + "/complete", body);
    }

    @Test
    void adviserRequestsExpertEditsAndApprovesTheLetterIsDisclosedWithItsLabel() {
        Api.Response created = api.post("alice", "/api/cases", letter("Retard de remboursement"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("status").asText()).isEqualTo("DRAFTING");
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(String.valueOf(id))
                        .count())
                .isEqualTo(1);

        JsonNode inReview = Eventually.await("the draft", Duration.ofSeconds(20), () -> {
            JsonNode c = api.get("alice", "/api/cases/" + id).body();
            return "IN_REVIEW".equals(c.get("status").asText()) ? c : null;
        });
        JsonNode draft = inReview.get("draft");
        assertThat(draft.get("producer").asText()).isEqualTo("OFFLINE");
        assertThat(draft.get("producerLabel").asText()).isEqualTo("brouillon hors-ligne — aucun modèle d'IA");
        assertThat(draft.get("promptVersion").asText()).isEqualTo("reply-letter@v1");
        assertThat(draft.get("text").asText()).contains("Retard de remboursement");
        aModelWroteTheDraft(id);

        String taskId = taskIdFor("bob", id);
        assertThat(taskId)
                .as("bob, of the letter's expert group, sees the task")
                .isNotNull();
        JsonNode task = api.get("bob", "/api/tasks/" + taskId).body();
        assertThat(task.get("case").get("draft").get("text").asText())
                .isEqualTo(draft.get("text").asText());

        assertThat(decide("bob", taskId, Map.of("decision", "EDIT")).status()).isEqualTo(200);
        String editId = awaitTask("bob", id, "edit");
        String edited = draft.get("text")
                        .asText()
                        .replaceAll("\\[À COMPLÉTER[^\\]]*\\]", "Votre remboursement a été validé ce matin.")
                + "\nNous vous confirmons un virement sous 48 heures.";
        Api.Response saved = api.post("bob", "/api/tasks/" + editId + "/save", Map.of("text", edited));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("version").asInt()).isEqualTo(1);
        assertThat(saved.body().get("aiShare").asDouble()).isBetween(0.7, 1.0);
        assertThat(decide("bob", editId, Map.of("decision", "SUBMIT", "text", edited))
                        .status())
                .isEqualTo(200);
        String approveId = awaitTask("bob", id, "approve");
        JsonNode toApprove = api.get("bob", "/api/tasks/" + approveId).body();
        assertThat(toApprove.get("case").get("currentText").asText()).isEqualTo(edited);
        JsonNode preview = toApprove.get("case").get("disclosurePreview");
        assertThat(preview.get("category").asText()).isEqualTo("AI_VALIDATED");
        assertThat(preview.get("text").asText())
                .startsWith(edited)
                .endsWith(preview.get("label").asText());
        Api.Response approved = decide("bob", approveId, Map.of("decision", "APPROVE"));
        assertThat(approved.status()).isEqualTo(200);
        // the completion answers its outcome; the case is read on its own
        assertThat(approved.body().get("completed").asBoolean()).isTrue();
        assertThat(approved.body().get("caseId").asLong()).isEqualTo(id);
        JsonNode afterApproval = api.get("bob", "/api/cases/" + id).body();
        assertThat(afterApproval.get("approvedBy").asText()).isEqualTo("bob");
        assertThat(afterApproval.get("aiShare").asDouble()).isBetween(0.7, 1.0);

        JsonNode disclosed = Eventually.await("the disclosure", Duration.ofSeconds(20), () -> {
            JsonNode c = api.get("alice", "/api/cases/" + id).body();
            return "DISCLOSED".equals(c.get("status").asText()) ? c : null;
        });
        assertThat(disclosed.get("disclosure").get("category").asText()).isEqualTo("AI_VALIDATED");
        String label = disclosed.get("disclosure").get("label").asText();
        assertThat(label).contains("validé par un collaborateur");
        assertThat(disclosed.get("disclosedText").asText())
                .startsWith(edited)
                .endsWith(label)
                .as("the member receives exactly the preview the approver saw")
                .isEqualTo(preview.get("text").asText());
        assertThat(disclosed.get("disclosure").get("marker").asText()).contains("\"aiGenerated\":true");
        assertThat(disclosed.get("disclosure").get("digitalSourceType").asText())
                .as("edited by a person: part model, part person")
                .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia");
        assertThat(disclosed.get("disclosure").get("provenance").asText()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(disclosed.get("delivery").get("status").asText()).isEqualTo("SENT");
        // the delivery job records the sending, then the process ends with it: wait for the end
        Eventually.await(
                "the end of case " + id + "'s process",
                Duration.ofSeconds(10),
                () -> historyService
                                        .createHistoricProcessInstanceQuery()
                                        .processInstanceBusinessKey(String.valueOf(id))
                                        .finished()
                                        .count()
                                == 1
                        ? Boolean.TRUE
                        : null);
    }

    @Test
    void theOfflineDraftCompletedAndApprovedIsPeoplesTextWithoutAnAiLabel() {
        long id = openAndAwaitReview("Attestation d'assurance");
        JsonNode draft = api.get("alice", "/api/cases/" + id).body().get("draft");
        assertThat(draft.get("producer").asText()).isEqualTo("OFFLINE");
        String completed = draft.get("text")
                .asText()
                .replaceAll("\\[À COMPLÉTER[^\\]]*\\]", "Votre attestation est jointe à ce courrier.");
        assertThat(decide("bob", taskIdFor("bob", id), Map.of("decision", "EDIT"))
                        .status())
                .isEqualTo(200);
        Api.Response saved =
                api.post("bob", "/api/tasks/" + awaitTask("bob", id, "edit") + "/save", Map.of("text", completed));
        assertThat(saved.body().get("aiShare").asDouble())
                .as("the offline drafter's template is people's text: no model wrote a word of it")
                .isZero();
        assertThat(decide("bob", awaitTask("bob", id, "edit"), Map.of("decision", "SUBMIT", "text", completed))
                        .status())
                .isEqualTo(200);
        String approveId = awaitTask("bob", id, "approve");
        assertThat(api.get("bob", "/api/tasks/" + approveId)
                        .body()
                        .get("case")
                        .get("disclosurePreview")
                        .get("category")
                        .asText())
                .isEqualTo("HUMAN");
        assertThat(decide("bob", approveId, Map.of("decision", "APPROVE")).status())
                .isEqualTo(200);
        JsonNode disclosed = Eventually.await("the disclosure", Duration.ofSeconds(20), () -> {
            JsonNode c = api.get("alice", "/api/cases/" + id).body();
            return "DISCLOSED".equals(c.get("status").asText()) ? c : null;
        });
        assertThat(disclosed.get("aiShare").asDouble()).isZero();
        assertThat(disclosed.get("disclosure").get("category").asText()).isEqualTo("HUMAN");
        assertThat(disclosed.get("disclosure").get("label").isNull()).isTrue();
        assertThat(disclosed.get("disclosedText").asText()).isEqualTo(completed.strip());
        assertThat(disclosed.get("disclosure").get("marker").asText()).contains("\"aiGenerated\":false");
        assertThat(disclosed.get("disclosure").get("digitalSourceType").asText())
                .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/digitalCreation");
        assertThat(disclosed.get("metrics").get("aiShare").asDouble()).isZero();
    }

    @Test
    void aLetterRewrittenByTheExpertCarriesNoLabel() {
        long id = openAndAwaitReview("Changement d'adresse");
        aModelWroteTheDraft(id);
        String taskId = taskIdFor("bob", id);
        String ownText = "Madame, Monsieur,\n\nVotre changement d'adresse est enregistré depuis le 3 novembre. "
                + "Votre nouvelle carte verte vous parviendra par courrier dans les dix jours.\n\nBien cordialement,\nBob";
        assertThat(decide("bob", taskId, Map.of("decision", "EDIT")).status()).isEqualTo(200);
        assertThat(decide("bob", awaitTask("bob", id, "edit"), Map.of("decision", "SUBMIT", "text", ownText))
                        .status())
                .isEqualTo(200);
        assertThat(decide("bob", awaitTask("bob", id, "approve"), Map.of("decision", "APPROVE"))
                        .status())
                .isEqualTo(200);
        JsonNode disclosed = Eventually.await("the disclosure", Duration.ofSeconds(20), () -> {
            JsonNode c = api.get("alice", "/api/cases/" + id).body();
            return "DISCLOSED".equals(c.get("status").asText()) ? c : null;
        });
        assertThat(disclosed.get("aiShare").asDouble()).isLessThan(0.5);
        assertThat(disclosed.get("disclosure").get("category").asText()).isEqualTo("HUMAN_WITH_AI");
        assertThat(disclosed.get("disclosure").get("label").isNull()).isTrue();
        assertThat(disclosed.get("disclosedText").asText()).isEqualTo(ownText);
    }

    @Test
    void aRejectedDraftIsWrittenByHandByTheAdviserThenApproved() {
        long id = openAndAwaitReview("Brouillon hors sujet");
        Api.Response rejected = decide(
                "bob",
                taskIdFor("bob", id),
                Map.of("decision", "REJECT", "reason", "Le brouillon ne répond pas à la question."));
        assertThat(rejected.status()).isEqualTo(200);
        String handDraftId = awaitTask("alice", id, "handDraft");
        String text =
                "Madame, Monsieur,\n\nVotre dossier a été transmis à notre expert ce jour.\n\nVotre conseillère, Alice";
        Api.Response saved = api.post("alice", "/api/tasks/" + handDraftId + "/save", Map.of("text", text));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(decide("alice", handDraftId, Map.of("decision", "SUBMIT", "text", text))
                        .status())
                .isEqualTo(200);
        assertThat(decide("bob", awaitTask("bob", id, "approve"), Map.of("decision", "APPROVE"))
                        .status())
                .isEqualTo(200);
        JsonNode disclosed = Eventually.await("the disclosure", Duration.ofSeconds(20), () -> {
            JsonNode c = api.get("alice", "/api/cases/" + id).body();
            return "DISCLOSED".equals(c.get("status").asText()) ? c : null;
        });
        assertThat(disclosed.get("disclosedText").asText()).isEqualTo(text);
        assertThat(disclosed.get("disclosure").get("category").asText())
                .as("written by hand: no word of it from a model")
                .isEqualTo("HUMAN");
        assertThat(disclosed.get("metrics").get("handDrafted").asBoolean()).isTrue();
        assertThat(disclosed.get("decisions").get(0).get("reason").asText()).contains("ne répond pas");
    }

    @Test
    void theFullDisplayTravelsWithTheDecisionInOneRequest() {
        long id = openAndAwaitReview("Question sur mon échéancier");
        String taskId = taskIdFor("bob", id);
        Api.Response unread = api.post("bob", "/api/tasks/" + taskId + "/complete", Map.of("decision", "ACCEPT"));
        assertThat(unread.status()).isEqualTo(409);
        assertThat(unread.body().get("message").asText()).contains("Affichez le texte en entier");
        Api.Response negative =
                api.post("bob", "/api/tasks/" + taskId + "/complete", Map.of("decision", "ACCEPT", "displayedMs", -5));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().toString()).contains("ne peut pas être négatif");
        assertThat(api.get("alice", "/api/cases/" + id).body().get("status").asText())
                .isEqualTo("IN_REVIEW");

        Api.Response accepted = api.post(
                "bob", "/api/tasks/" + taskId + "/complete", Map.of("decision", "ACCEPT", "displayedMs", 6000));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(api.get("alice", "/api/cases/" + id).body().get("status").asText())
                .isNotEqualTo("IN_REVIEW");
        // the display is in the case's trail, once, with the time sent
        assertThat(jdbc.sql(
                                "select details::jsonb ->> 'timeSpentMs' from audit_event where case_id = ? and type = 'DRAFT_DISPLAYED'")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("6000");
    }

    @Test
    void anExpertOfAnotherGroupCanNeitherSeeNorCompleteTheTask() {
        long id = openAndAwaitReview("Question sur ma cotisation");
        String taskId = taskIdFor("bob", id);
        assertThat(taskIdFor("ines", id)).isNull();
        Api.Response open = api.get("ines", "/api/tasks/" + taskId);
        assertThat(open.status()).isEqualTo(403);
        assertThat(open.body().get("message").asText()).contains("réservée");
        Api.Response complete = api.post("ines", "/api/tasks/" + taskId + "/complete", Map.of("decision", "ACCEPT"));
        assertThat(complete.status()).isEqualTo(403);
        assertThat(api.get("ines", "/api/cases/" + id).status()).isEqualTo(403);
        // the adviser may read her case but not approve it
        assertThat(api.post("alice", "/api/tasks/" + taskId + "/complete", Map.of("decision", "ACCEPT"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("ines", "/api/cases/" + id + "/audit").status()).isEqualTo(403);
        assertThat(api.get("alice", "/api/cases/" + id).body().get("status").asText())
                .isEqualTo("IN_REVIEW");
    }

    @Test
    void sansIaIsForContentsPeopleCanWriteAndItsReasonIsShort() {
        long before = jdbc.sql("select count(*) from content_case where requested_by = 'alice'")
                .query(Long.class)
                .single();
        Api.Response extraction = api.post(
                "alice",
                "/api/cases",
                Map.of(
                        "useCaseKey", "record-extraction",
                        "memberId", "M-1002",
                        "subject", "Relevé d'information",
                        "message", "Relevé d'information du 01/02/2026.",
                        "withoutAi", true));
        assertThat(extraction.status()).isEqualTo(400);
        assertThat(extraction.body().toString()).contains("sans IA").contains("withoutAi");
        Api.Response tooLong = api.post(
                "alice",
                "/api/cases",
                Map.of(
                        "useCaseKey", "reply-letter",
                        "memberId", "M-1001",
                        "subject", "Résiliation",
                        "message", "Je souhaite résilier.",
                        "withoutAi", true,
                        "withoutAiReason", "x".repeat(301)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().toString()).contains("300 caractères");
        assertThat(jdbc.sql("select count(*) from content_case where requested_by = 'alice'")
                        .query(Long.class)
                        .single())
                .as("nothing stored")
                .isEqualTo(before);
    }

    @Test
    void twoExpertsCompletingTheSameTaskAtOnceGetOneSuccessAndOneConflict() throws Exception {
        long id = openAndAwaitReview("Attestation d'assurance");
        String taskId = taskIdFor("bob", id);
        var start = new java.util.concurrent.CyclicBarrier(2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var bob = pool.submit(() -> {
                start.await();
                return decide("bob", taskId, Map.of("decision", "EDIT"));
            });
            var chloe = pool.submit(() -> {
                start.await();
                return decide("chloe", taskId, Map.of("decision", "EDIT"));
            });
            var statuses = java.util.List.of(bob.get().status(), chloe.get().status());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            Api.Response loser = bob.get().status() == 409 ? bob.get() : chloe.get();
            assertThat(loser.body().get("message").asText()).contains("traitée");
        } finally {
            pool.shutdown();
        }
        assertThat(api.get("alice", "/api/cases/" + id).body().get("decisions")).hasSize(1);
        // and later: the task is gone, the answer says it was done
        Api.Response again = decide("chloe", taskId, Map.of("decision", "EDIT"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("message").asText()).startsWith("Cette tâche a déjà été traitée");
    }

    @Test
    void aRegenerationWithoutInstructionIsExplained() {
        long id = openAndAwaitReview("Sans consigne");
        Api.Response refused = decide("bob", taskIdFor("bob", id), Map.of("decision", "REGENERATE"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("fieldErrors").get("instruction").asText())
                .isEqualTo("Indiquez à l'IA ce qu'il faut changer.");
        Api.Response wrong = decide("bob", taskIdFor("bob", id), Map.of("decision", "APPROVE"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("fieldErrors").has("decision")).isTrue();
        Api.Response unknown = decide("bob", taskIdFor("bob", id), Map.of("decision", "PUBLISH"));
        assertThat(unknown.status()).isEqualTo(400);
        JsonNode trail = api.get("alice", "/api/cases/" + id + "/audit").body();
        assertThat(trail.get("verification").get("valid").asBoolean()).isTrue();
        assertThat(trail.get("events").get(0).get("type").asText()).isEqualTo("REQUESTED");
    }

    @Test
    void badRequestsGetAFrenchMessageAndCreateNothing() {
        long casesBefore = countCases();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count()
                + historyService.createHistoricProcessInstanceQuery().finished().count();

        Api.Response missing = api.post("alice", "/api/cases", Map.of("useCaseKey", "reply-letter"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("fieldErrors").get("subject").asText()).isEqualTo("L'objet est obligatoire.");
        assertThat(missing.body().get("fieldErrors").get("memberId").asText())
                .isEqualTo("Choisissez le sociétaire concerné.");

        Api.Response unknownUseCase = api.post(
                "alice",
                "/api/cases",
                Map.of("useCaseKey", "horoscope", "memberId", "M-1001", "subject", "s", "message", "m"));
        assertThat(unknownUseCase.status()).isEqualTo(400);
        assertThat(unknownUseCase.body().get("message").asText())
                .isEqualTo("Le cas d'usage « horoscope » n'existe pas.");
        assertThat(unknownUseCase.body().get("fieldErrors").has("useCaseKey")).isTrue();

        Api.Response unknownMember = api.post(
                "alice",
                "/api/cases",
                Map.of("useCaseKey", "reply-letter", "memberId", "M-0000", "subject", "s", "message", "m"));
        assertThat(unknownMember.status()).isEqualTo(400);
        assertThat(unknownMember.body().get("message").asText()).isEqualTo("Le sociétaire « M-0000 » est introuvable.");

        Api.Response notJson = api.post("alice", "/api/cases", "{\"subject\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("message").asText()).contains("JSON");

        Api.Response unknownTask =
                api.post("bob", "/api/tasks/does-not-exist/complete", Map.of("decision", "APPROVE", "text", "x"));
        assertThat(unknownTask.status()).isEqualTo(404);
        assertThat(unknownTask.body().get("message").asText()).contains("n'existe pas");

        assertThat(api.get("alice", "/api/cases/999999999").status()).isEqualTo(404);
        assertThat(api.get("alice", "/api/cases/abc").status()).isEqualTo(400);

        assertThat(countCases()).isEqualTo(casesBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()
                        + historyService
                                .createHistoricProcessInstanceQuery()
                                .finished()
                                .count())
                .isEqualTo(instancesBefore);
    }

    @Test
    void rolesAreChecked() {
        assertThat(api.get(null, "/api/me").status()).isEqualTo(401);
        assertThat(api.get(null, "/api/me").body().get("message").asText()).isEqualTo("Vous devez vous connecter.");
        assertThat(api.post("bob", "/api/cases", letter("x")).status()).isEqualTo(403);
        assertThat(api.get("bob", "/api/cases").status()).isEqualTo(403);
        JsonNode me = api.get("bob", "/api/me").body();
        assertThat(me.get("roles").toString()).contains("EXPERT");
        assertThat(me.get("groups").toString()).contains("member-relations-experts");
        assertThat(api.get("alice", "/api/use-cases").body().get(0).get("key").asText())
                .isNotBlank();
    }

    private long countCases() {
        return jdbc.sql("select count(*) from content_case").query(Long.class).single();
    }
}
