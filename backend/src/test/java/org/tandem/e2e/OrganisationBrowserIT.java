package org.tandem.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.support.TandemIntegrationTest;

/**
 * Issue 14's screens in Chromium (frontend/e2e/organisation-path.mjs) at 1366×900, axe on each: the
 * administrator's organisation (create, import with a line-numbered refusal, people), the governance
 * gate (an opening with its reason, public, then closed), a manager placing people in his agency only,
 * and the directorate's weights change kept in the portfolio's history with the ranking of a past day.
 * What the run created is removed after, what it opened closed, the weights it changed put back.
 */
@TandemIntegrationTest
class OrganisationBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clear() {
        jdbc.sql("delete from user_entity where username like 'e2e-%' or entity_code like 'e2e-%'")
                .update();
        jdbc.sql("update business_entity set parent_code = null where code like 'e2e-%'")
                .update();
        jdbc.sql("delete from business_entity where code like 'e2e-%'").update();
        // an opening is never deleted: one the run left open is closed
        jdbc.sql("""
                        update use_case_opening set closed_by = 'test', closed_at = now(), close_reason = 'Fin du test.'
                        where closed_at is null""").update();
        // the weights as the migration seeds them (the history keeps the run's changes)
        jdbc.sql("""
                        update directorate set w_value = 35, w_cost = 15, w_feasibility = 15, w_environment = 15, w_risk = 20
                        where code = 'relation-societaires'""").update();
    }

    @Test
    void organisationGateAndPortfolioHistoryThroughTheScreensInChromium() throws Exception {
        BrowserScenario.run(port, "organisation-path.mjs", 300);
    }
}
