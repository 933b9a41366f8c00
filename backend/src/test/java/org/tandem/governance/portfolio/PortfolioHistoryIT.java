package org.tandem.governance.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/**
 * The auditable portfolio through /api on PostgreSQL: a re-scoring is appended with its reason, a
 * change of weights is kept with its reason, neither history can be rewritten, and the ranking of any
 * past moment is recomputed from them. The projects belong to a directorate of the test's own, so the
 * demo's directorates keep their weights.
 */
@TandemIntegrationTest
class PortfolioHistoryIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String directorate;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        directorate = "zz-hist-" + (System.nanoTime() % 1_000_000);
        // a directorate of the test's own: value only, so a weights change visibly reorders its projects
        jdbc.sql("""
                        insert into directorate (code, name, w_value, w_cost, w_feasibility, w_environment, w_risk)
                        values (?, ?, 100, 0, 0, 0, 0)""").params(directorate, "Direction de test " + directorate).update();
    }

    private long projectInScoring(String title) {
        Api.Response idea = api.post(
                "alice",
                "/api/ideas",
                Map.of(
                        "title", title,
                        "problem", "Chaque dossier demande une longue relecture avant de répondre au sociétaire.",
                        "team", "Gestion",
                        "frequency", "cent par jour",
                        "timeSpent", "15 minutes",
                        "dataInvolved", "dossier du sociétaire",
                        "directorateCode", directorate));
        assertThat(idea.status()).as(String.valueOf(idea.body())).isEqualTo(201);
        long id = idea.body().get("id").asLong();
        ok(api.post("rachel", "/api/ideas/" + id + "/triage", Map.of("decision", "ACCEPT")));
        ok(api.post(
                "rachel",
                "/api/projects/" + id + "/necessity",
                Map.of("text", "Chaque dossier est différent : aucun modèle figé ne suffit à le résumer.")));
        return id;
    }

    private static Map<String, Object> scoring(long cases, int feasibility, String reason) {
        Map<String, Object> s = new HashMap<>();
        s.put("casesPerYear", cases);
        s.put("minutesSavedPerCase", 10.0);
        s.put("memberBenefit", 3);
        s.put("buildCostEur", 30000.0);
        s.put("model", "mistral-small");
        s.put("inputTokensPerCase", 1500);
        s.put("outputTokensPerCase", 500);
        s.put("feasibility", feasibility);
        s.put("riskTier", "LIMITED");
        if (reason != null) {
            s.put("reason", reason);
        }
        return s;
    }

    private static Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        return r;
    }

    private Map<String, Object> weights(double value, double feasibility, String reason) {
        Map<String, Object> w = new HashMap<>();
        w.put("value", value);
        w.put("cost", 0);
        w.put("feasibility", feasibility);
        w.put("environment", 0);
        w.put("risk", 0);
        w.put("reason", reason);
        return w;
    }

    private JsonNode ranking(String at) {
        String query = "/api/portfolio?directorate=" + directorate + (at == null ? "" : "&at=" + at);
        return ok(api.get("diane", query)).body();
    }

    private static long rankOf(JsonNode ranking, long project) {
        for (JsonNode r : ranking) {
            if (r.get("projectId").asLong() == project) {
                return r.get("rank").asLong();
            }
        }
        return -1;
    }

    private static JsonNode rowOf(JsonNode ranking, long project) {
        for (JsonNode r : ranking) {
            if (r.get("projectId").asLong() == project) {
                return r;
            }
        }
        throw new AssertionError(project + " not ranked in " + ranking);
    }

    @Test
    void reScoringAppendsWithItsReasonAndTheHistoryCannotBeRewritten() {
        long project = projectInScoring("Historique des notations");
        JsonNode first = ok(api.post("diane", "/api/portfolio/projects/" + project + "/score", scoring(24000, 2, null)))
                .body();
        assertThat(first.get("reason").isNull())
                .as("a first scoring needs no reason")
                .isTrue();
        Api.Response noReason =
                api.post("diane", "/api/portfolio/projects/" + project + "/score", scoring(24000, 5, null));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("message").asText())
                .isEqualTo("Ce projet est déjà noté : expliquez pourquoi vous le notez à nouveau (l'historique garde"
                        + " chaque notation).");
        JsonNode second = ok(api.post(
                        "diane",
                        "/api/portfolio/projects/" + project + "/score",
                        scoring(24000, 5, "Le pilote technique a levé le doute sur l'intégration.")))
                .body();
        assertThat(second.get("feasibility").asInt()).isEqualTo(5);

        JsonNode history = ok(api.get("diane", "/api/portfolio/history?project=" + project))
                .body();
        JsonNode scores = history.get("scores");
        assertThat(scores).hasSize(2);
        assertThat(scores.get(0).get("feasibility").asInt()).isEqualTo(2);
        assertThat(scores.get(0).get("scoredBy").asText()).isEqualTo("diane");
        assertThat(scores.get(0).get("reason").isNull()).isTrue();
        assertThat(scores.get(1).get("feasibility").asInt()).isEqualTo(5);
        assertThat(scores.get(1).get("reason").asText())
                .isEqualTo("Le pilote technique a levé le doute sur l'intégration.");
        assertThat(scores.get(1).get("wValue").asDouble()).isEqualTo(100.0);
        assertThat(scores.get(1).get("directorateCode").asText()).isEqualTo(directorate);
        assertThat(history.get("weights"))
                .as("no weights change yet for this directorate")
                .isEmpty();

        long id = scores.get(0).get("id").asLong();
        assertThatThrownBy(() -> jdbc.sql("update project_score set total_score = 100 where id = ?")
                        .param(id)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from project_score where id = ?")
                        .param(id)
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aWeightsChangeIsKeptAndTheRankingOfAnyPastMomentIsRecomputed() {
        // two projects: « volume » has the value, « easy » the feasibility
        long volume = projectInScoring("Gros volume, difficile");
        long easy = projectInScoring("Petit volume, facile");
        ok(api.post("diane", "/api/portfolio/projects/" + volume + "/score", scoring(200_000, 1, null)));
        ok(api.post("diane", "/api/portfolio/projects/" + easy + "/score", scoring(100, 5, null)));
        JsonNode before = ranking(null);
        assertThat(rankOf(before, volume)).isEqualTo(1);
        assertThat(rankOf(before, easy)).isEqualTo(2);
        OffsetDateTime beforeChange = OffsetDateTime.parse(
                rowOf(before, easy).get("score").get("scoredAt").asText());

        // the change needs a reason and must change something
        Api.Response noReason =
                api.put("diane", "/api/portfolio/directorates/" + directorate + "/weights", weights(0, 100, " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("message").asText())
                .isEqualTo("Expliquez pourquoi les poids changent : le classement en dépend, l'historique le garde.");
        Api.Response same = api.put(
                "diane", "/api/portfolio/directorates/" + directorate + "/weights", weights(100, 0, "Rien ne change."));
        assertThat(same.status()).isEqualTo(409);
        assertThat(api.put(
                                "marc",
                                "/api/portfolio/directorates/" + directorate + "/weights",
                                weights(0, 100, "Un manager essaie."))
                        .status())
                .isEqualTo(403);
        Api.Response huge = api.put(
                "diane", "/api/portfolio/directorates/" + directorate + "/weights", weights(1e9, 0, "Trop grand."));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.body().get("message").asText())
                .isEqualTo("Les poids vont de 0 à 1 000, et l'un d'eux au moins n'est pas nul.");

        ok(api.put(
                "diane",
                "/api/portfolio/directorates/" + directorate + "/weights",
                weights(0, 100, "La direction privilégie désormais ce qui se fait vite.")));

        JsonNode after = ranking(null);
        assertThat(rankOf(after, easy))
                .as("the ranking follows the new weights at once")
                .isEqualTo(1);
        assertThat(rankOf(after, volume)).isEqualTo(2);
        JsonNode easyNow = rowOf(after, easy);
        assertThat(easyNow.get("total").asDouble()).isEqualTo(100.0);
        assertThat(easyNow.get("weights").get("feasibility").asDouble()).isEqualTo(100.0);
        assertThat(easyNow.get("score").get("totalScore").asDouble())
                .as("the scoring keeps the total of its day")
                .isLessThan(100.0);

        JsonNode history = ok(api.get("diane", "/api/portfolio/history?directorate=" + directorate))
                .body();
        assertThat(history.get("scores")).hasSize(2);
        JsonNode change = history.get("weights").get(0);
        assertThat(change.get("wFeasibility").asDouble()).isEqualTo(100.0);
        assertThat(change.get("wValue").asDouble()).isEqualTo(0.0);
        assertThat(change.get("changedBy").asText()).isEqualTo("diane");
        assertThat(change.get("reason").asText()).isEqualTo("La direction privilégie désormais ce qui se fait vite.");
        OffsetDateTime changedAt = OffsetDateTime.parse(change.get("changedAt").asText());
        assertThat(changedAt).isAfterOrEqualTo(beforeChange);

        // the past, recomputed: just before the change the old order; before the second scoring only one project
        JsonNode past = ranking(changedAt.minusNanos(1_000).toString());
        assertThat(rankOf(past, volume)).isEqualTo(1);
        assertThat(rankOf(past, easy)).isEqualTo(2);
        assertThat(rowOf(past, volume).get("weights").get("value").asDouble()).isEqualTo(100.0);
        JsonNode atChange = ranking(changedAt.toString());
        assertThat(rankOf(atChange, easy)).isEqualTo(1);
        OffsetDateTime volumeScored = OffsetDateTime.parse(
                rowOf(before, volume).get("score").get("scoredAt").asText());
        JsonNode early = ranking(volumeScored.toString());
        assertThat(early).hasSize(1);
        assertThat(rankOf(early, volume)).isEqualTo(1);
        assertThat(ranking(volumeScored.minusNanos(1_000).toString())).isEmpty();
        assertThat(ranking("2000-01-01"))
                .as("a day: everything scored by its end")
                .isEmpty();

        assertThatThrownBy(() -> jdbc.sql("delete from directorate_weights where directorate_code = ?")
                        .param(directorate)
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aBadDateIsRefusedInFrench() {
        Api.Response bad = api.get("diane", "/api/portfolio?at=30/11/2026");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("message").asText())
                .isEqualTo("La date « 30/11/2026 » n'est pas valide : écrivez AAAA-MM-JJ (ex. 2026-11-30) ou une date"
                        + " et heure ISO 8601.");
        assertThat(api.get("diane", "/api/portfolio?at=2026-02-30").status()).isEqualTo(400);
        assertThat(api.get("diane", "/api/portfolio/history?project=999999").status())
                .isEqualTo(404);
        assertThat(api.get("alice", "/api/portfolio/history").status()).isEqualTo(403);
    }
}
