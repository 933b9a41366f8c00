package org.tandem.quality.reviewers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.quality.QualityFlow;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/**
 * The rubber-stamping guard over /api: accepting or approving a text displayed for less than the reading
 * floor (test-quality-letter: 20 s per 100 characters) is refused with a French 409 the screen turns into
 * a confirmation; confirmed, it goes through and is counted in the reviewer's figures.
 */
@TandemIntegrationTest
class ReadingFloorIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anApprovalFasterThanReadingAsksForAConfirmationAndIsCounted() {
        Api api = new Api(mvc);
        QualityFlow flow = new QualityFlow(api);
        int before = belowFloor();
        long id = flow.file(
                "M-1004", "Lecture rapide " + System.nanoTime(), "Bonjour, pouvez-vous m'appeler demain matin ?");
        String review = flow.awaitTask("bob", id, "review");

        Api.Response fast = flow.decide("bob", review, 1_000, Map.of("decision", "ACCEPT"));
        assertThat(fast.status()).isEqualTo(409);
        String message = fast.body().get("message").asText();
        assertThat(message)
                .startsWith("Vous avez affiché ce texte de ")
                .contains("pendant 1 s")
                .contains("Confirmez");
        assertThat(fast.body().get("fieldErrors").get("confirmFastApproval").asText())
                .isEqualTo(message);
        assertThat(belowFloor()).as("a refused decision records nothing").isEqualTo(before);

        Map<String, Object> confirmed = new HashMap<>(Map.of("decision", "ACCEPT", "confirmFastApproval", true));
        assertThat(api.post("bob", "/api/tasks/" + review + "/complete", confirmed)
                        .status())
                .isEqualTo(200);
        assertThat(belowFloor()).isEqualTo(before + 1);

        String approve = flow.awaitTask("bob", id, "approve");
        assertThat(flow.decide("bob", approve, 2_000, Map.of("decision", "APPROVE"))
                        .status())
                .isEqualTo(409);
        assertThat(api.post(
                                "bob",
                                "/api/tasks/" + approve + "/complete",
                                Map.of("decision", "APPROVE", "confirmFastApproval", true))
                        .status())
                .isEqualTo(200);
        assertThat(belowFloor()).isEqualTo(before + 2);
        String approval = jdbc.sql("select details from audit_event where case_id = ? and type = 'APPROVED'")
                .param(id)
                .query(String.class)
                .single();
        assertThat(approval).contains("belowReadingFloor");

        // read at the pace of reading: no question asked
        long slow = flow.acceptedAndDisclosed("M-1004", "Lecture attentive " + System.nanoTime(), "Bonjour, merci.");
        assertThat(jdbc.sql("select count(*) from reading_decision where case_id = ? and below_floor")
                        .param(slow)
                        .query(Integer.class)
                        .single())
                .isZero();

        JsonNode mine = api.get("bob", "/api/quality/reviewers/me").body();
        JsonNode figures = null;
        for (JsonNode f : mine.get("figures")) {
            if (f.get("useCaseKey").asText().equals(QualityFlow.USE_CASE)) {
                figures = f;
            }
        }
        assertThat(figures).isNotNull();
        assertThat(figures.get("username").asText()).isEqualTo("bob");
        assertThat(figures.get("approvalsBelowFloor").asInt()).isGreaterThanOrEqualTo(2);
    }

    private int belowFloor() {
        return jdbc.sql("select count(*) from reading_decision where decided_by = 'bob' and below_floor")
                .query(Integer.class)
                .single();
    }
}
