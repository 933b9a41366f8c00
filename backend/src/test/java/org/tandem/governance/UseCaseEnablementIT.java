package org.tandem.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.platform.web.ApiException;
import org.tandem.support.Api;
import org.tandem.support.SeededCases;
import org.tandem.support.TandemIntegrationTest;

/**
 * The entity gate of new cases on PostgreSQL: the mode of each entity, the kill switches that win
 * over it, and the French refusal of a request from an entity the rollout has not reached.
 */
@TandemIntegrationTest
class UseCaseEnablementIT {

    /** A use case of its own, so no other test's rollout meets this one. */
    static final String USE_CASE = "gate-test-" + System.nanoTime();

    /** A real use case, for the gate as a request meets it; LifecycleIT manages it too and clears it the same way. */
    static final String MEETING_REPORT = "meeting-report";

    @Autowired
    UseCaseEnablement enablement;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    final List<Long> cases = new ArrayList<>();

    @AfterEach
    void clearRollout() {
        for (String key : List.of(USE_CASE, MEETING_REPORT)) {
            jdbc.sql("delete from use_case_entity where use_case_key = ?")
                    .param(key)
                    .update();
            jdbc.sql("delete from use_case_kill_switch where use_case_key = ?")
                    .param(key)
                    .update();
        }
        cases.forEach(id -> SeededCases.remove(jdbc, id));
    }

    private void rollOut(String mode, String... entities) {
        for (String entity : entities) {
            enablement.set(USE_CASE, entity, mode, 0L, "rachel");
        }
    }

    private long seedCase(String requester) {
        long id = SeededCases.insertCase(jdbc, USE_CASE, "M-1001", requester, "Porte d'entrée", OffsetDateTime.now());
        cases.add(id);
        return id;
    }

    private String entityOfCase(long id) {
        return jdbc.sql("select entity_code from content_case where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void aUseCaseNoProjectManagesRunsWithAiEverywhere() {
        assertThat(enablement.isManaged(USE_CASE)).isFalse();
        assertThat(enablement.modeOf(USE_CASE, "agence-niort")).isEqualTo(EntityMode.AI);
        assertThat(enablement.modeOf(USE_CASE, null))
                .as("even for someone without entity")
                .isEqualTo(EntityMode.AI);
    }

    @Test
    void aManagedUseCaseRunsAsEachEntitysModeSays() {
        rollOut("AI", "agence-niort");
        rollOut("CONTROL", "agence-lyon");
        rollOut("PAUSED", "agence-nantes");
        rollOut("OFF", "agence-lille");
        assertThat(enablement.isManaged(USE_CASE)).isTrue();
        assertThat(enablement.modeOf(USE_CASE, "agence-niort")).isEqualTo(EntityMode.AI);
        assertThat(enablement.modeOf(USE_CASE, "agence-lyon")).isEqualTo(EntityMode.CONTROL);
        assertThat(enablement.modeOf(USE_CASE, "agence-nantes")).isEqualTo(EntityMode.PAUSED);
        assertThat(enablement.modeOf(USE_CASE, "agence-lille")).isEqualTo(EntityMode.NOT_ENABLED);
        assertThat(enablement.modeOf(USE_CASE, "centre-sinistres"))
                .as("not reached by the rollout")
                .isEqualTo(EntityMode.NOT_ENABLED);
        assertThat(enablement.modeOf(USE_CASE, null)).isEqualTo(EntityMode.NOT_ENABLED);
        assertThat(enablement.settings(USE_CASE))
                .extracting(UseCaseEnablement.Setting::entityCode, UseCaseEnablement.Setting::mode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("agence-lille", "OFF"),
                        org.assertj.core.groups.Tuple.tuple("agence-lyon", "CONTROL"),
                        org.assertj.core.groups.Tuple.tuple("agence-nantes", "PAUSED"),
                        org.assertj.core.groups.Tuple.tuple("agence-niort", "AI"));
    }

    @Test
    void settingAModeAgainReplacesItAndStoppingTheProjectTurnsEveryEntityOff() {
        rollOut("CONTROL", "agence-niort");
        rollOut("AI", "agence-niort", "agence-lyon");
        assertThat(enablement.setting(USE_CASE, "agence-niort"))
                .hasValueSatisfying(s -> assertThat(s.mode()).isEqualTo("AI"));
        enablement.setAll(USE_CASE, "OFF", "marc");
        assertThat(enablement.modeOf(USE_CASE, "agence-niort")).isEqualTo(EntityMode.NOT_ENABLED);
        assertThat(enablement.modeOf(USE_CASE, "agence-lyon")).isEqualTo(EntityMode.NOT_ENABLED);
    }

    @Test
    void anEntitysKillSwitchWinsOverItsModeAndIsKeptWhenTheModeChanges() {
        rollOut("AI", "agence-niort", "agence-lyon");
        enablement.killEntity(USE_CASE, "agence-niort", true, "rachel");
        assertThat(enablement.modeOf(USE_CASE, "agence-niort")).isEqualTo(EntityMode.KILLED);
        assertThat(enablement.modeOf(USE_CASE, "agence-lyon")).isEqualTo(EntityMode.AI);
        rollOut("CONTROL", "agence-niort");
        assertThat(enablement.modeOf(USE_CASE, "agence-niort")).isEqualTo(EntityMode.KILLED);
        enablement.killEntity(USE_CASE, "agence-niort", false, "rachel");
        assertThat(enablement.modeOf(USE_CASE, "agence-niort")).isEqualTo(EntityMode.CONTROL);
    }

    @Test
    void theUseCasesKillSwitchWinsOverEverything() {
        enablement.killUseCase(USE_CASE, "Fournisseur en panne.", "rachel");
        assertThat(enablement.isKilled(USE_CASE)).isTrue();
        assertThat(enablement.modeOf(USE_CASE, "agence-niort"))
                .as("even unmanaged")
                .isEqualTo(EntityMode.KILLED);
        rollOut("OFF", "agence-lille");
        assertThat(enablement.modeOf(USE_CASE, "agence-lille")).isEqualTo(EntityMode.KILLED);
        assertThat(enablement.modeOf(USE_CASE, null)).isEqualTo(EntityMode.KILLED);
        enablement.killUseCase(USE_CASE, "Toujours en panne.", "marc");
        enablement.reviveUseCase(USE_CASE);
        assertThat(enablement.isKilled(USE_CASE)).isFalse();
        assertThat(enablement.modeOf(USE_CASE, "agence-lille")).isEqualTo(EntityMode.NOT_ENABLED);
    }

    @Test
    void anEntityWithoutTheUseCaseHasNoSwitchToPull() {
        rollOut("AI", "agence-niort");
        assertThatThrownBy(() -> enablement.killEntity(USE_CASE, "centre-sinistres", true, "rachel"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND))
                .hasMessage(
                        "Ce cas d'usage n'est pas déployé dans l'entité « Centre de gestion des sinistres de Poitiers ».");
    }

    @Test
    void theGateRecordsTheRequestersEntityAndTellsTheProcessWhetherToSkipTheAi() {
        long unmanaged = seedCase("alice");
        assertThat(enablement.admit(unmanaged, USE_CASE, "alice"))
                .as("a case for the AI carries no flag: the gateway reads a missing one as false")
                .isEmpty();
        assertThat(entityOfCase(unmanaged)).isEqualTo("agence-niort");

        rollOut("CONTROL", "agence-niort");
        long control = seedCase("alice");
        assertThat(enablement.modeOf(USE_CASE, "agence-niort")).isEqualTo(EntityMode.CONTROL);
        assertThat(enablement.admit(control, USE_CASE, "alice")).isEqualTo(Map.of(UseCaseEnablement.SKIP_AI, true));
        assertThat(entityOfCase(control)).isEqualTo("agence-niort");

        enablement.killUseCase(USE_CASE, "Plan de crise.", "rachel");
        long killed = seedCase("diane");
        assertThat(enablement.admit(killed, USE_CASE, "diane"))
                .as("a kill switch sends even someone without entity to hand-drafting")
                .isEqualTo(Map.of(UseCaseEnablement.SKIP_AI, true));
        assertThat(entityOfCase(killed)).isNull();
    }

    @Test
    void theGateRefusesAnEntityTheRolloutHasNotReachedInFrench() {
        rollOut("AI", "agence-niort");
        long fromLyon = seedCase("paul");
        assertThatThrownBy(() -> enablement.admit(fromLyon, USE_CASE, "paul"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN))
                .hasMessage("Ce cas d'usage n'est pas encore ouvert pour l'entité « Agence de Lyon » : "
                        + "il y sera disponible lors d'une prochaine vague de déploiement.");
        assertThat(entityOfCase(fromLyon)).isNull();

        long fromNowhere = seedCase("diane");
        assertThatThrownBy(() -> enablement.admit(fromNowhere, USE_CASE, "diane"))
                .isInstanceOf(ApiException.class)
                .hasMessage(
                        "Ce cas d'usage est en cours de déploiement et votre compte n'est rattaché à aucune entité : "
                                + "demandez à votre manager de vous rattacher à une entité où il est ouvert.");
    }

    @Test
    void aRefusedRequestLeavesNoCaseBehind() {
        enablement.set(MEETING_REPORT, "agence-lyon", "AI", 0L, "rachel");
        Api api = new Api(mvc);
        long before = jdbc.sql("select count(*) from content_case where requested_by = 'alice'")
                .query(Long.class)
                .single();
        Api.Response refused = api.post(
                "alice",
                "/api/cases",
                Map.of(
                        "useCaseKey", MEETING_REPORT,
                        "memberId", "M-1001",
                        "subject", "Entretien hors vague",
                        "message", "Notes de l'entretien."));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("message").asText())
                .isEqualTo("Ce cas d'usage n'est pas encore ouvert pour l'entité « Agence de Niort » : "
                        + "il y sera disponible lors d'une prochaine vague de déploiement.");
        assertThat(jdbc.sql("select count(*) from content_case where requested_by = 'alice'")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);

        Api.Response accepted = api.post(
                "paul",
                "/api/cases",
                Map.of(
                        "useCaseKey", MEETING_REPORT,
                        "memberId", "M-1001",
                        "subject", "Entretien dans la vague",
                        "message", "Notes de l'entretien."));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(entityOfCase(accepted.body().get("id").asLong())).isEqualTo("agence-lyon");
    }
}
