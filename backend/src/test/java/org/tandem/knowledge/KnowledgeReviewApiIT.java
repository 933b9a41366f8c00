package org.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/**
 * The owner's side of the document reviews over the API: their stale documents with the review open
 * for each, the review in the task list with its document as subject, the screen's data, and the
 * decision completing the task; others cannot.
 */
@TandemIntegrationTest
class KnowledgeReviewApiIT {

    static final String RUN = String.valueOf(System.nanoTime() % 100_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeIngestion ingestion;

    @Autowired
    KnowledgeReviews reviews;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private String staleDocumentOfBob(String suffix) {
        String reference = "T-RVA-" + RUN + "-" + suffix;
        ingestion.ingest(
                new DocumentInput(
                        reference,
                        "t-review-api",
                        "Bris de glace " + suffix,
                        "## Pare-brise\n\nLe remplacement du pare-brise coûte 75 euros de franchise.",
                        "bob",
                        "member-relations-experts",
                        LocalDate.now().minusDays(30),
                        10),
                "rachel");
        return reference;
    }

    private String reviewTaskOf(String user, String reference) {
        for (JsonNode s : api.get(user, "/api/knowledge/stale").body()) {
            if (s.get("document").get("reference").asText().equals(reference)) {
                return s.get("reviewTaskId").isNull()
                        ? null
                        : s.get("reviewTaskId").asText();
            }
        }
        throw new AssertionError(reference + " is not among " + user + "'s stale documents");
    }

    private List<String> staleOf(String user) {
        List<String> references = new ArrayList<>();
        api.get(user, "/api/knowledge/stale")
                .body()
                .forEach(s -> references.add(s.get("document").get("reference").asText()));
        return references;
    }

    @Test
    void theOwnerSeesTheirStaleDocumentsOpensTheReviewFromTheTaskListAndConfirmsIt() {
        String reference = staleDocumentOfBob("A");
        assertThat(reviewTaskOf("bob", reference))
                .as("no review before the daily run")
                .isNull();
        assertThat(reviewTaskOf("chloe", reference))
                .as("the owner's group sees it too")
                .isNull();
        assertThat(staleOf("ines")).doesNotContain(reference);

        reviews.openDueReviews();
        String taskId = reviewTaskOf("bob", reference);
        assertThat(taskId).isNotNull();

        JsonNode row = null;
        for (JsonNode t : api.get("bob", "/api/tasks?size=200").body().get("items")) {
            if (t.get("id").asText().equals(taskId)) {
                row = t;
            }
        }
        assertThat(row).as("the review in bob's task list").isNotNull();
        assertThat(row.get("taskKey").asText()).isEqualTo("reviewDocument");
        assertThat(row.get("subject").asText()).isEqualTo("Bris de glace A (" + reference + ")");

        JsonNode review = api.get("bob", "/api/knowledge/reviews/" + taskId).body();
        assertThat(review.get("reference").asText()).isEqualTo(reference);
        assertThat(review.get("owner").asText()).isEqualTo("bob");
        assertThat(api.get("ines", "/api/knowledge/reviews/" + taskId).status()).isEqualTo(403);
        Api.Response notAReview = api.get("bob", "/api/knowledge/reviews/no-such-task");
        assertThat(notAReview.status()).isEqualTo(404);

        Api.Response refused =
                api.post("ines", "/api/knowledge/reviews/" + taskId + "/complete", Map.of("decision", "CONFIRM"));
        assertThat(refused.status()).isEqualTo(403);
        Api.Response noDecision = api.post("bob", "/api/knowledge/reviews/" + taskId + "/complete", Map.of());
        assertThat(noDecision.status()).isEqualTo(400);
        assertThat(noDecision.body().get("message").asText())
                .isEqualTo("Indiquez votre décision : confirmer, mettre à jour ou retirer le document.");

        Api.Response done = api.post(
                "bob",
                "/api/knowledge/reviews/" + taskId + "/complete",
                Map.of("decision", "CONFIRM", "comment", "Tarif vérifié."));
        assertThat(done.status()).isEqualTo(204);
        assertThat(staleOf("bob")).as("reviewed today: no longer stale").doesNotContain(reference);

        JsonNode document =
                api.get("bob", "/api/knowledge/documents/" + reference).body();
        assertThat(document.get("document").get("stale").asBoolean()).isFalse();
        assertThat(document.get("document").get("lastReviewedBy").asText()).isEqualTo("bob");
        assertThat(document.get("reviews")).hasSize(1);
        assertThat(document.get("reviews").get(0).get("decision").asText()).isEqualTo("CONFIRM");
        assertThat(document.get("reviews").get(0).get("comment").asText()).isEqualTo("Tarif vérifié.");
        assertThat(document.get("reviews").get(0).get("decidedBy").asText()).isEqualTo("bob");
        assertThat(document.get("reviews").get(0).get("documentVersion").asInt())
                .isEqualTo(2);

        Api.Response twice =
                api.post("bob", "/api/knowledge/reviews/" + taskId + "/complete", Map.of("decision", "CONFIRM"));
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void aRetiredDocumentIsListedAsSuchAndEditingItBringsItBack() {
        String reference = staleDocumentOfBob("B");
        reviews.openDueReviews();
        String taskId = reviewTaskOf("bob", reference);
        assertThat(api.post(
                                "bob",
                                "/api/knowledge/reviews/" + taskId + "/complete",
                                Map.of("decision", "RETIRE", "comment", "Garantie supprimée."))
                        .status())
                .isEqualTo(204);
        JsonNode summary = null;
        for (JsonNode d : api.get("bob", "/api/knowledge/documents?collection=t-review-api")
                .body()) {
            if (d.get("reference").asText().equals(reference)) {
                summary = d;
            }
        }
        assertThat(summary).isNotNull();
        assertThat(summary.get("retired").asBoolean()).isTrue();
        assertThat(summary.get("retiredBy").asText()).isEqualTo("bob");
        assertThat(summary.get("stale").asBoolean()).isFalse();

        Map<String, Object> edited = new java.util.HashMap<>();
        edited.put("reference", reference);
        edited.put("collection", "t-review-api");
        edited.put("title", "Bris de glace B");
        edited.put("body", "## Pare-brise\n\nLa garantie bris de glace est rétablie en 2027.");
        edited.put("owner", "bob");
        edited.put("ownerGroup", "member-relations-experts");
        edited.put("reviewIntervalDays", 365);
        Api.Response back = api.put("rachel", "/api/knowledge/documents/" + reference, edited);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body().get("document").get("retired").asBoolean()).isFalse();
    }
}
