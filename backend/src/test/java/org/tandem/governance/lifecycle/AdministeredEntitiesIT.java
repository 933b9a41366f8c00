package org.tandem.governance.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.governance.EntityMode;
import org.tandem.governance.UseCaseEnablement;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/**
 * Pilot and control entities, rollout waves and kill switches take the entities an administrator
 * created through /api (not the demo's): a project experiments in two of them, plans a wave in a third,
 * and an entity's kill switch is pulled in one. The use case's rows are removed after (as LifecycleIT
 * does); the entities stay, since the project's history names them.
 */
@TandemIntegrationTest
class AdministeredEntitiesIT {

    static final String USE_CASE = "meeting-report";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UseCaseEnablement enablement;

    @Autowired
    RolloutService rollout;

    Api api;
    String prefix;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        prefix = "zz-life-" + (System.nanoTime() % 1_000_000) + "-";
        clear();
    }

    @AfterEach
    void clear() {
        jdbc.sql("delete from use_case_entity where use_case_key = ?")
                .param(USE_CASE)
                .update();
        jdbc.sql("delete from use_case_kill_switch where use_case_key = ?")
                .param(USE_CASE)
                .update();
    }

    private Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(String.valueOf(r.body())).isBetween(200, 201);
        return r;
    }

    private String entity(String suffix, String name, String kind, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", prefix + suffix);
        body.put("name", name);
        body.put("kind", kind);
        body.put("parentCode", parent);
        ok(api.post("admin", "/api/entities", body));
        return prefix + suffix;
    }

    private String stage(long id) {
        return jdbc.sql("select stage from genai_project where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private static Map<String, Object> ethics() {
        List<Map<String, String>> verdicts = new ArrayList<>();
        for (EthicsCriterion c : EthicsCriterion.values()) {
            verdicts.add(Map.of("criterion", c.name(), "verdict", "FAVOURABLE", "comment", "Vu : " + c.label()));
        }
        return Map.of("verdicts", verdicts, "outcome", "APPROVE");
    }

    @Test
    void anExperimentAWaveAndAKillSwitchUseTheEntitiesAnAdministratorCreated() {
        String directorate = entity("dir", "Direction Centre-Val de Loire", "DIRECTORATE", null);
        String pilot = entity("tours", "Agence de Tours", "AGENCY", directorate);
        String control = entity("blois", "Agence de Blois", "AGENCY", directorate);
        String later = entity("orleans", "Agence d'Orléans", "AGENCY", directorate);

        Map<String, Object> idea = Map.of(
                "title", "Comptes-rendus en Centre-Val de Loire",
                "problem", "Rédiger le compte-rendu d'un entretien prend du temps et retarde l'envoi au sociétaire.",
                "team", "Conseillers",
                "frequency", "dix par jour",
                "timeSpent", "20 minutes",
                "dataInvolved", "notes d'entretien",
                "directorateCode", "reseau");
        long id = api.post("alice", "/api/ideas", idea).body().get("id").asLong();
        ok(api.post("rachel", "/api/ideas/" + id + "/triage", Map.of("decision", "ACCEPT")));
        ok(api.post(
                "rachel",
                "/api/projects/" + id + "/necessity",
                Map.of("text", "Les notes sont libres : un modèle de courrier ne suffit pas.")));
        Map<String, Object> scoring = new HashMap<>();
        scoring.putAll(Map.of(
                "casesPerYear", 24000,
                "minutesSavedPerCase", 10.0,
                "memberBenefit", 3,
                "buildCostEur", 30000.0,
                "model", "mistral-small",
                "inputTokensPerCase", 1500,
                "outputTokensPerCase", 500,
                "feasibility", 4,
                "riskTier", "LIMITED"));
        ok(api.post("diane", "/api/portfolio/projects/" + id + "/score", scoring));
        ok(api.post(
                "diane",
                "/api/portfolio/projects/" + id + "/decision",
                Map.of("decision", "SELECT", "rationale", "Fort volume.")));
        ok(api.post("eric", "/api/projects/" + id + "/ethics", ethics()));
        assertThat(stage(id)).isEqualTo("EXPERIMENT");

        Map<String, Object> kpi = new HashMap<>();
        kpi.put("metric", "TIME_TO_APPROVAL");
        kpi.put("baseline", 20.0);
        kpi.put("target", 10);
        kpi.put("guardrail", 30);
        ok(api.post(
                "marc",
                "/api/projects/" + id + "/experiment",
                Map.of(
                        "useCaseKey", USE_CASE,
                        "pilotEntities", List.of(pilot),
                        "controlEntities", List.of(control),
                        "keyUsers", List.of("alice"),
                        "kpis", List.of(kpi))));
        assertThat(enablement.modeOf(USE_CASE, pilot)).isEqualTo(EntityMode.AI);
        assertThat(enablement.modeOf(USE_CASE, control)).isEqualTo(EntityMode.CONTROL);
        assertThat(enablement.modeOf(USE_CASE, later)).isEqualTo(EntityMode.NOT_ENABLED);
        assertThat(api.get("marc", "/api/projects/" + id + "/experiment")
                        .body()
                        .get("entities")
                        .toString())
                .contains("Agence de Tours", "Agence de Blois");

        // an entity's kill switch, on an administered entity
        ok(api.post(
                "marc",
                "/api/projects/use-cases/" + USE_CASE + "/entities/" + pilot + "/kill-switch",
                Map.of("killed", true, "reason", "Incident à l'agence de Tours.")));
        assertThat(enablement.modeOf(USE_CASE, pilot)).isEqualTo(EntityMode.KILLED);
        ok(api.post(
                "marc",
                "/api/projects/use-cases/" + USE_CASE + "/entities/" + pilot + "/kill-switch",
                Map.of("killed", false, "reason", "Incident clos.")));

        // generalised, then a wave planned in the third administered agency
        ok(api.post(
                "marc",
                "/api/projects/" + id + "/experiment/decision",
                Map.of("decision", "GENERALISE", "rationale", "Dix minutes gagnées.")));
        ok(api.post("eric", "/api/projects/" + id + "/ethics", ethics()));
        assertThat(stage(id)).isEqualTo("ROLLOUT_PLANNING");
        long waveId = ok(api.post(
                        "marc",
                        "/api/projects/" + id + "/waves",
                        Map.of(
                                "plannedStart",
                                OffsetDateTime.now().plusDays(7).toString(),
                                "entities",
                                List.of(later),
                                "people",
                                List.of(
                                        Map.of("username", "chloe", "role", "TUTOR"),
                                        Map.of("username", "rachel", "role", "REFERENT")))))
                .body()
                .get("id")
                .asLong();
        assertThat(rollout.wave(waveId).entities()).containsExactly(later);
        rollout.enable(waveId);
        assertThat(enablement.modeOf(USE_CASE, later))
                .as("the wave opens the administered agency")
                .isEqualTo(EntityMode.AI);
        Api.Response unknown = api.post(
                "marc",
                "/api/projects/" + id + "/waves",
                Map.of(
                        "plannedStart",
                        OffsetDateTime.now().plusDays(8).toString(),
                        "entities",
                        List.of(prefix + "nulle-part"),
                        "people",
                        List.of(
                                Map.of("username", "chloe", "role", "TUTOR"),
                                Map.of("username", "rachel", "role", "REFERENT"))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("message").asText())
                .isEqualTo("L'entité « " + prefix + "nulle-part » n'existe pas.");
    }
}
