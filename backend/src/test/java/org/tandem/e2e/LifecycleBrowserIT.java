package org.tandem.e2e;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.support.TandemIntegrationTest;

/**
 * The GenAI project lifecycle in Chromium (frontend/e2e/lifecycle-path.mjs), each step by the demo
 * user of its role through its screen, axe on each: the public transparency page without a session,
 * idea box, triage and necessity, scoring and selection, ethics committee, experiment set-up, adjust,
 * generalise (meeting report), set-up and stop (claim summary), and the public page again. Both use
 * cases' experiment rows are removed before and after, so the other tests of the shared context find
 * them enabled everywhere. The test profile drafts
 * offline (no footprint): two model calls of a pseudo use case, this month and last, are recorded for
 * the public page's chart and table, and removed after.
 */
@TandemIntegrationTest
class LifecycleBrowserIT {

    static final List<String> USE_CASES = List.of("meeting-report", "claim-summary");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static final String FOOTPRINT_USE_CASE = "e2e-transparency";

    @BeforeEach
    void recordTwoModelCalls() {
        clear();
        for (String when : new String[] {"now()", "now() - interval '1 month'"}) {
            jdbc.sql("""
                            insert into model_call (use_case_key, provider, model, input_tokens, output_tokens, latency_ms,
                                energy_wh_min, energy_wh_max, usage_kgco2e_min, usage_kgco2e_max, embodied_kgco2e_min,
                                embodied_kgco2e_max, method_version, outcome, created_at)
                            values (?, 'mistral', 'mistral-small-latest', 1500, 500, 2000, 0.4, 1.2, 0.00002, 0.00005,
                                0.00001, 0.00002, 'ecologits-0.9', 'OK', """ + when + ")").param(FOOTPRINT_USE_CASE).update();
        }
    }

    @AfterEach
    void clear() {
        for (String useCase : USE_CASES) {
            jdbc.sql("delete from use_case_entity where use_case_key = ?")
                    .param(useCase)
                    .update();
            jdbc.sql("delete from use_case_kill_switch where use_case_key = ?")
                    .param(useCase)
                    .update();
        }
        jdbc.sql("delete from model_call where use_case_key = ?")
                .param(FOOTPRINT_USE_CASE)
                .update();
    }

    @Test
    void fromTheIdeaBoxToTheManagersDecisionThroughTheScreensInChromium() throws Exception {
        BrowserScenario.run(port, "lifecycle-path.mjs", 180);
    }
}
