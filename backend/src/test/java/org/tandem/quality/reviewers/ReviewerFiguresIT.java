package org.tandem.quality.reviewers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.SeededCases;
import org.tandem.support.TandemIntegrationTest;

/**
 * Reviewers' figures used fairly (proposal 15), enforced by the API: each reviewer sees their own; a
 * manager sees a team's only with at least three reviewers, and a reviewer's only with their consent and
 * at least twenty cases. The figures are those of the recorded decisions (here written straight into the
 * tables, as the processes would).
 */
@TandemIntegrationTest
class ReviewerFiguresIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReviewerConsent consent;

    /** {@code cases} reviewed by {@code reviewer}: the first {@code unchanged} accepted as drafted, the rest edited (ratio 0.5). */
    private void reviewed(String useCase, String reviewer, int cases, int unchanged) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);
        for (int i = 0; i < cases; i++) {
            long id = SeededCases.insertCase(jdbc, useCase, null, "qa-adviser", "Chiffres", at);
            SeededCases.insertDraft(jdbc, id, "OFFLINE", "offline-drafter", "Madame, Monsieur, …", at);
            boolean accepted = i < unchanged;
            jdbc.sql("""
                            insert into review_decision (case_id, task_id, task_key, decision, decided_by, decided_at)
                            values (?, 'seeded', 'review', ?, ?, ?)""")
                    .params(id, accepted ? "ACCEPT" : "EDIT", reviewer, at.plusMinutes(6))
                    .update();
            jdbc.sql("""
                            insert into case_metrics (case_id, regenerations, accepted_without_edit, rejected, hand_drafted,
                                edit_ratio_chars) values (?, 0, ?, false, false, ?)""").params(id, accepted, accepted ? 0.0 : 0.5).update();
            jdbc.sql("""
                            insert into reading_decision (case_id, task_id, task_key, decision, decided_by, display_ms,
                                characters, floor_ms, below_floor) values (?, 'seeded', 'review', ?, ?, 30000, 1500, 30000, false)""").params(id, accepted ? "ACCEPT" : "EDIT", reviewer).update();
        }
    }

    private static JsonNode find(JsonNode list, String useCase, String username) {
        for (JsonNode f : list) {
            if (f.get("useCaseKey").asText().equals(useCase)
                    && (username == null || username.equals(f.path("username").asText(null)))) {
                return f;
            }
        }
        return null;
    }

    @Test
    void managersSeeTeamsOfThreeAndOnlyTheReviewersWhoConsentedAboveTwentyCases() {
        String team = "test-figures-" + System.nanoTime();
        String pair = team + "-pair";
        String shares = "qa-r1-" + System.nanoTime();
        String keeps = "qa-r2-" + System.nanoTime();
        String few = "qa-r3-" + System.nanoTime();
        reviewed(team, shares, 25, 10);
        reviewed(team, keeps, 25, 5);
        reviewed(team, few, 5, 5);
        reviewed(pair, shares, 3, 1);
        reviewed(pair, keeps, 3, 1);
        consent.set(shares, true);
        consent.set(few, true);
        consent.set(keeps, false);

        Api api = new Api(mvc);
        JsonNode view = api.get("marc", "/api/quality/reviewers").body();
        assertThat(view.get("minCasesForManager").asInt()).isEqualTo(20);
        assertThat(view.get("minReviewersForTeam").asInt()).isEqualTo(3);

        JsonNode three = find(view.get("teams"), team, null);
        assertThat(three.get("reviewers").asInt()).isEqualTo(3);
        assertThat(three.get("figures").get("cases").asInt()).isEqualTo(55);
        // 20 of 55 accepted unchanged; the other 35 edited at 0.5
        assertThat(three.get("figures").get("acceptedWithoutEdit").asDouble()).isCloseTo(20 / 55.0, within(1e-9));
        assertThat(three.get("figures").get("meanEditRatio").asDouble()).isCloseTo(35 * 0.5 / 55, within(1e-9));
        assertThat(three.get("figures").get("secondsPer1000Chars").asDouble()).isCloseTo(20.0, within(1e-9));
        assertThat(three.get("figures").get("meanMinutesToFirstDecision").asDouble())
                .isCloseTo(6.0, within(1e-6));

        JsonNode two = find(view.get("teams"), pair, null);
        assertThat(two.get("figures").isNull())
                .as("two reviewers: the team's figures would point at them")
                .isTrue();
        assertThat(two.get("hiddenReason").asText()).contains("Moins de 3 relecteurs");

        JsonNode shown = find(view.get("reviewers"), team, shares);
        assertThat(shown).as("consented, 25 cases").isNotNull();
        assertThat(shown.get("acceptedWithoutEdit").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(find(view.get("reviewers"), team, keeps)).as("no consent").isNull();
        assertThat(find(view.get("reviewers"), team, few)).as("5 cases only").isNull();
        assertThat(find(view.get("reviewers"), pair, shares))
                .as("3 cases on that use case")
                .isNull();
        assertThat(view.get("hiddenReviewers").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(view.toString()).doesNotContain(keeps);

        // the consent is the reviewer's own switch, and only a manager reads others' figures
        assertThat(api.put("bob", "/api/quality/reviewers/me/consent", Map.of("share", true))
                        .body()
                        .get("share")
                        .asBoolean())
                .isTrue();
        assertThat(api.put("bob", "/api/quality/reviewers/me/consent", Map.of("share", false))
                        .body()
                        .get("share")
                        .asBoolean())
                .isFalse();
        Api.Response missing = api.put("bob", "/api/quality/reviewers/me/consent", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("message").asText()).contains("partagez");
        assertThat(api.get("bob", "/api/quality/reviewers").status()).isEqualTo(403);
        assertThat(api.get("marc", "/api/quality/reviewers/me").status()).isEqualTo(403);
        List<String> bobs = new ArrayList<>();
        api.get("bob", "/api/quality/reviewers/me")
                .body()
                .get("figures")
                .forEach(f -> bobs.add(f.get("username").asText()));
        assertThat(bobs).containsOnly("bob");
    }
}
