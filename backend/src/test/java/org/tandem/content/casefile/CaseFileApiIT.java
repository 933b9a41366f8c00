package org.tandem.content.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/** The case file through /api/cases: who may read a case, its trail and its diagram, and what its page shows at each stage. */
@TandemIntegrationTest
class CaseFileApiIT {

    static final String REFUSED = "Ce dossier ne fait pas partie de vos demandes ni de vos groupes.";

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private Api.Response open(String useCaseKey, String memberId, String subject) {
        return api.post(
                "alice",
                "/api/cases",
                Map.of(
                        "useCaseKey",
                        useCaseKey,
                        "memberId",
                        memberId,
                        "subject",
                        subject,
                        "message",
                        "  Bonjour, je souhaite savoir où en est le remboursement de mon sinistre.  "));
    }

    private long openLetter(String subject) {
        Api.Response created = open("reply-letter", "M-1001", subject);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private JsonNode awaitStatus(long id, String status) {
        return Eventually.await("case " + id + " " + status, Duration.ofSeconds(20), () -> {
            JsonNode c = api.get("alice", "/api/cases/" + id).body();
            return status.equals(c.get("status").asText()) ? c : null;
        });
    }

    private String awaitTask(String user, long caseId, String taskKey) {
        return Eventually.await(taskKey + " task of case " + caseId, Duration.ofSeconds(10), () -> {
            JsonNode tasks = api.get(user, "/api/tasks").body().path("items");
            return StreamSupport.stream(tasks.spliterator(), false)
                    .filter(t -> t.get("caseId").asLong() == caseId
                            && t.get("taskKey").asText().equals(taskKey))
                    .map(t -> t.get("id").asText())
                    .findFirst()
                    .orElse(null);
        });
    }

    private void complete(String user, String taskId, Map<String, String> decision) {
        if (List.of("ACCEPT", "APPROVE").contains(decision.get("decision"))) {
            api.post(user, "/api/tasks/" + taskId + "/viewed", Map.of("timeSpentMs", 4000));
        }
        assertThat(api.post(user, "/api/tasks/" + taskId + "/complete", decision)
                        .status())
                .as(decision.toString())
                .isEqualTo(200);
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(field).asText()));
        return values;
    }

    @Test
    void theRequesterTheUseCasesGroupsAndAdministratorsMayReadTheCaseNoOneElse() {
        long id = openLetter("Qui peut lire ce dossier");
        for (String user : List.of("alice", "bob", "chloe", "admin")) {
            assertThat(api.get(user, "/api/cases/" + id).status()).as(user).isEqualTo(200);
            assertThat(api.get(user, "/api/cases/" + id + "/audit").status())
                    .as(user)
                    .isEqualTo(200);
        }
        for (String user : List.of("paul", "ines", "marc")) {
            for (String path : List.of("", "/audit", "/diagram")) {
                Api.Response refused = api.get(user, "/api/cases/" + id + path);
                assertThat(refused.status()).as(user + path).isEqualTo(403);
                assertThat(refused.body().get("message").asText())
                        .as(user + path)
                        .isEqualTo(REFUSED);
            }
        }
        Api.Response anonymous = api.get(null, "/api/cases/" + id);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get("message").asText()).isEqualTo("Vous devez vous connecter.");
    }

    @Test
    void aClaimSummaryIsForTheClaimsExpertsNotForTheMemberRelationsOnes() {
        Api.Response created = open("claim-summary", "M-1002", "Dégât des eaux chez M. Bernard");
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(api.get("ines", "/api/cases/" + id).status()).isEqualTo(200);
        assertThat(api.get("hugo", "/api/cases/" + id).status()).isEqualTo(200);
        assertThat(api.get("bob", "/api/cases/" + id).status()).isEqualTo(403);
        JsonNode view = api.get("ines", "/api/cases/" + id).body();
        assertThat(view.get("useCaseName").asText()).isEqualTo("Synthèse de dossier sinistre");
        assertThat(view.get("fourEyes").asBoolean()).isTrue();
    }

    @Test
    void anUnknownCaseIsAFrenchNotFoundOnEveryRoute() {
        for (String path : List.of("", "/audit", "/diagram")) {
            Api.Response missing = api.get("admin", "/api/cases/987654321" + path);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.body().get("message").asText())
                    .as(path)
                    .isEqualTo("Le dossier n° 987654321 n'existe pas.");
        }
        assertThat(api.get("alice", "/api/cases/pas-un-numero").status()).isEqualTo(400);
    }

    @Test
    void anAdvisersListHoldsHerOwnCasesOnly() {
        Api.Response created = open("reply-letter", "M-1001", "Ma liste de dossiers");
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("status").asText()).isEqualTo("DRAFTING");
        assertThat(created.body().get("requestedBy").asText()).isEqualTo("alice");

        JsonNode mine = api.get("alice", "/api/cases").body();
        JsonNode line = mine.get(0);
        assertThat(line.get("id").asLong()).as("the newest first").isEqualTo(id);
        assertThat(line.get("useCaseKey").asText()).isEqualTo("reply-letter");
        assertThat(line.get("useCaseName").asText()).isEqualTo("Courrier de réponse à un sociétaire");
        assertThat(line.get("memberId").asText()).isEqualTo("M-1001");
        assertThat(line.get("memberName").asText()).isEqualTo("Camille Martin");
        assertThat(line.get("subject").asText()).isEqualTo("Ma liste de dossiers");
        assertThat(line.has("message")).as("a summary, not the case").isFalse();

        assertThat(values(api.get("paul", "/api/cases").body(), "id")).doesNotContain(String.valueOf(id));
        Api.Response expert = api.get("bob", "/api/cases");
        assertThat(expert.status()).isEqualTo(403);
        assertThat(expert.body().get("message").asText()).isEqualTo("Vous n'avez pas accès à cette ressource.");
    }

    @Test
    void theCasePageFollowsTheLetterFromRequestToDisclosure() {
        long id = openLetter("  Suivi complet  ");

        // requested: what the adviser asked, the use case's rules, nothing decided yet
        JsonNode requested = api.get("alice", "/api/cases/" + id).body();
        assertThat(requested.get("subject").asText()).isEqualTo("Suivi complet");
        assertThat(requested.get("message").asText())
                .isEqualTo("Bonjour, je souhaite savoir où en est le remboursement de mon sinistre.");
        assertThat(requested.get("memberName").asText()).isEqualTo("Camille Martin");
        assertThat(requested.get("requestedBy").asText()).isEqualTo("alice");
        assertThat(requested.get("maxRegenerations").asInt()).isEqualTo(2);
        assertThat(requested.get("fourEyes").asBoolean()).isFalse();
        assertThat(requested.get("regenerations").asInt()).isZero();
        assertThat(requested.get("versions")).isEmpty();
        assertThat(requested.get("decisions")).isEmpty();
        assertThat(requested.get("disclosure").isNull()).isTrue();
        assertThat(requested.get("finalText").isNull()).isTrue();
        assertThat(requested.get("metrics").isNull()).isTrue();
        assertThat(requested.get("askComfortSurvey").asBoolean())
                .as("no experiment runs on the letters")
                .isFalse();

        // drafted: who wrote the draft, the text as it stands, what the member would receive
        JsonNode inReview = awaitStatus(id, "IN_REVIEW");
        JsonNode draft = inReview.get("draft");
        assertThat(draft.get("producer").asText()).isEqualTo("OFFLINE");
        assertThat(draft.get("producerLabel").asText()).isEqualTo("brouillon hors-ligne — aucun modèle d'IA");
        assertThat(draft.get("promptVersion").asText()).startsWith("reply-letter@v");
        assertThat(draft.get("text").asText()).contains("Suivi complet");
        assertThat(inReview.get("currentText").asText())
                .isEqualTo(draft.get("text").asText());
        assertThat(inReview.get("disclosurePreview").get("text").asText())
                .startsWith(draft.get("text").asText());
        assertThat(inReview.get("footprint").get("calls").asLong()).isEqualTo(1);
        assertThat(inReview.get("footprint").get("offlineCalls").asLong()).isEqualTo(1);

        // edited: the expert's saved version is the current text; the AI's draft stays as it was
        complete("bob", awaitTask("bob", id, "review"), Map.of("decision", "EDIT"));
        String editId = awaitTask("bob", id, "edit");
        String edited = draft.get("text").asText().replaceAll("\\[À COMPLÉTER[^\\]]*\\]", "Le virement part demain.");
        assertThat(api.post("bob", "/api/tasks/" + editId + "/save", Map.of("text", edited))
                        .status())
                .isEqualTo(200);
        JsonNode editing = api.get("alice", "/api/cases/" + id).body();
        assertThat(editing.get("currentText").asText()).isEqualTo(edited);
        assertThat(editing.get("draft").get("text").asText())
                .isEqualTo(draft.get("text").asText());
        JsonNode version = editing.get("versions").get(0);
        assertThat(version.get("version").asInt()).isEqualTo(1);
        assertThat(version.get("kind").asText()).isEqualTo("EDIT");
        assertThat(version.get("author").asText()).isEqualTo("bob");
        assertThat(version.get("aiShare").asDouble())
                .as("the offline drafter's template is people's text: no model wrote a word of it")
                .isZero();
        JsonNode review = editing.get("decisions").get(0);
        assertThat(review.get("taskKey").asText()).isEqualTo("review");
        assertThat(review.get("decision").asText()).isEqualTo("EDIT");
        assertThat(review.get("by").asText()).isEqualTo("bob");

        // approved and disclosed: the final text, who approved it, the label, the case's measures
        complete("bob", editId, Map.of("decision", "SUBMIT", "text", edited));
        complete("bob", awaitTask("bob", id, "approve"), Map.of("decision", "APPROVE"));
        JsonNode disclosed = awaitStatus(id, "DISCLOSED");
        assertThat(disclosed.get("finalText").asText()).isEqualTo(edited);
        assertThat(disclosed.get("approvedBy").asText()).isEqualTo("bob");
        assertThat(disclosed.get("approvedAt").isNull()).isFalse();
        assertThat(disclosed.get("aiShare").asDouble()).isZero();
        assertThat(values(disclosed.get("decisions"), "decision"))
                .as("the review's decision; the approval shows as approvedBy")
                .containsExactly("EDIT");
        assertThat(disclosed.get("disclosure").get("category").asText()).isEqualTo("HUMAN");
        assertThat(disclosed.get("disclosure").get("disclosedAt").isNull()).isFalse();
        assertThat(disclosed.get("disclosure").get("label").isNull()).isTrue();
        assertThat(disclosed.get("disclosedText").asText()).isEqualTo(edited.strip());
        assertThat(disclosed.get("disclosurePreview").isNull())
                .as("disclosed: nothing left to preview")
                .isTrue();
        JsonNode metrics = disclosed.get("metrics");
        assertThat(metrics.get("caseId").asLong()).isEqualTo(id);
        assertThat(metrics.get("timeToApprovalMs").asLong())
                .isGreaterThanOrEqualTo(metrics.get("timeToFirstDraftMs").asLong());
        assertThat(metrics.get("editRatioChars").asDouble()).isBetween(0.0, 0.5).isNotZero();
        assertThat(metrics.get("acceptedWithoutEdit").asBoolean()).isFalse();
        assertThat(metrics.get("handDrafted").asBoolean()).isFalse();
        assertThat(metrics.get("rejected").asBoolean()).isFalse();
    }

    @Test
    void aRegenerationIsCountedWithTheInstructionGiven() {
        long id = openLetter("Deux brouillons");
        awaitStatus(id, "IN_REVIEW");
        complete(
                "bob",
                awaitTask("bob", id, "review"),
                Map.of("decision", "REGENERATE", "instruction", "Plus court, s'il vous plaît."));
        awaitTask("bob", id, "review");
        JsonNode again = api.get("alice", "/api/cases/" + id).body();
        assertThat(again.get("regenerations").asInt()).isEqualTo(1);
        assertThat(again.get("decisions").get(0).get("decision").asText()).isEqualTo("REGENERATE");
        assertThat(again.get("decisions").get(0).get("instruction").asText()).isEqualTo("Plus court, s'il vous plaît.");
        assertThat(again.get("footprint").get("calls").asLong())
                .as("one AI step per draft")
                .isEqualTo(2);
    }

    @Test
    void aRejectedClaimSummaryEndsWithoutPreviewAndIsMeasuredAsRejected() {
        Api.Response created = open("claim-summary", "M-1002", "Synthèse refusée");
        long id = created.body().get("id").asLong();
        awaitStatus(id, "IN_REVIEW");
        complete(
                "ines",
                awaitTask("ines", id, "review"),
                Map.of("decision", "REJECT", "reason", "La synthèse invente une date."));
        JsonNode rejected = awaitStatus(id, "REJECTED");
        assertThat(rejected.get("currentText").isNull())
                .as("the draft is still shown")
                .isFalse();
        assertThat(rejected.get("disclosurePreview").isNull())
                .as("nothing will be sent")
                .isTrue();
        assertThat(rejected.get("disclosure").isNull()).isTrue();
        assertThat(rejected.get("decisions").get(0).get("reason").asText()).isEqualTo("La synthèse invente une date.");
        assertThat(rejected.get("metrics").get("rejected").asBoolean()).isTrue();
        assertThat(rejected.get("metrics").get("timeToApprovalMs").isNull()).isTrue();
    }

    @Test
    void theTrailAndTheDiagramAreThoseOfTheCase() {
        long id = openLetter("Trace et diagramme");
        awaitStatus(id, "IN_REVIEW");
        JsonNode trail = api.get("bob", "/api/cases/" + id + "/audit").body();
        assertThat(trail.get("verification").get("caseId").asLong()).isEqualTo(id);
        assertThat(trail.get("verification").get("valid").asBoolean()).isTrue();
        assertThat(trail.get("events").get(0).get("type").asText()).isEqualTo("REQUESTED");
        assertThat(trail.get("events").get(0).get("actor").asText()).isEqualTo("alice");

        JsonNode diagram = api.get("alice", "/api/cases/" + id + "/diagram").body();
        assertThat(diagram.get("processDefinitionKey").asText()).isEqualTo("content");
        assertThat(diagram.get("ended").asBoolean()).isFalse();
        List<String> active = new ArrayList<>();
        diagram.get("activeActivityIds").forEach(a -> active.add(a.asText()));
        assertThat(active).containsExactly("review");
    }
}
