package org.tandem.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.tandem.support.Api;
import org.tandem.support.Eventually;

/**
 * Cases of the test use case {@code test-quality-letter} taken through the real process over /api, as the
 * screens do: alice files, the worker drafts (offline drafter), bob reviews and approves (after displaying
 * the text long enough for the reading-speed floor), the job executor discloses.
 */
public final class QualityFlow {

    public static final String USE_CASE = "test-quality-letter";
    /** Displayed long enough for any letter of the test use case (its floor: 20 s per 100 characters). */
    public static final long READ_MS = 600_000;

    private final Api api;

    public QualityFlow(Api api) {
        this.api = api;
    }

    public long file(String member, String subject, String message) {
        Api.Response created = api.post(
                "alice",
                "/api/cases",
                Map.of("useCaseKey", USE_CASE, "memberId", member, "subject", subject, "message", message));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    public String awaitTask(String user, long caseId, String taskKey) {
        return Eventually.await(taskKey + " task of case " + caseId + " for " + user, Duration.ofSeconds(30), () -> {
            JsonNode tasks = api.get(user, "/api/tasks?size=200&useCase=" + USE_CASE)
                    .body()
                    .get("items");
            return StreamSupport.stream(tasks.spliterator(), false)
                    .filter(t -> t.get("caseId").asLong() == caseId
                            && t.get("taskKey").asText().equals(taskKey))
                    .map(t -> t.get("id").asText())
                    .findFirst()
                    .orElse(null);
        });
    }

    public void awaitStatus(long caseId, String status) {
        Eventually.await(
                "case " + caseId + " " + status,
                Duration.ofSeconds(30),
                () -> status.equals(api.get("alice", "/api/cases/" + caseId)
                        .body()
                        .get("status")
                        .asText()));
    }

    /** Reports a full display of {@code displayedMs}, then the decision. */
    public Api.Response decide(String user, String taskId, long displayedMs, Map<String, Object> body) {
        assertThat(api.post(user, "/api/tasks/" + taskId + "/viewed", Map.of("timeSpentMs", displayedMs))
                        .status())
                .isEqualTo(200);
        return api.post(user, "/api/tasks/" + taskId + "/complete", body);
    }

    /** Filed, accepted unchanged and approved by bob, disclosed. */
    public long acceptedAndDisclosed(String member, String subject, String message) {
        long id = file(member, subject, message);
        ok(decide("bob", awaitTask("bob", id, "review"), READ_MS, Map.of("decision", "ACCEPT")));
        ok(decide("bob", awaitTask("bob", id, "approve"), READ_MS, Map.of("decision", "APPROVE")));
        awaitStatus(id, "DISCLOSED");
        return id;
    }

    /** Filed, sent to editing by bob with {@code reasons}, rewritten as {@code edited}, approved, disclosed. */
    public long editedAndDisclosed(String member, String subject, String message, List<String> reasons, String edited) {
        long id = file(member, subject, message);
        Map<String, Object> edit = new HashMap<>();
        edit.put("decision", "EDIT");
        edit.put("reasons", reasons);
        ok(decide("bob", awaitTask("bob", id, "review"), READ_MS, edit));
        String editTask = awaitTask("bob", id, "edit");
        ok(api.post("bob", "/api/tasks/" + editTask + "/complete", Map.of("decision", "SUBMIT", "text", edited)));
        ok(decide("bob", awaitTask("bob", id, "approve"), READ_MS, Map.of("decision", "APPROVE")));
        awaitStatus(id, "DISCLOSED");
        return id;
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
    }
}
