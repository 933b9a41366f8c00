package org.tandem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 19 in Chromium (frontend/e2e/homes-path.mjs): every demo role logs in on the demo with its history
 * replayed and lands on « Ce qui m'attend » with work of their role; a screenshot per role, axe on each home
 * at 1366×900, and no page they open taller than 4,000 pixels (the case history excepted). Its own context:
 * the shared one keeps the demo's history off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tandem.demo.history=true")
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
class HomesBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachDemoRoleLandsOnWorkOfTheirRole() throws Exception {
        // the replay runs in the background; its last step, today, leaves paul's meeting report to write by hand
        // (the history's own cases are at least two hours old)
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (jdbc.sql("select count(*) from content_case where requested_by = 'paul' and status = 'HAND_DRAFTING'"
                                + " and created_at > now() - interval '90 minutes'")
                        .query(Long.class)
                        .single()
                == 0) {
            assertThat(System.nanoTime()).as("the demo history's open work").isLessThan(deadline);
            Thread.sleep(1000);
        }
        BrowserScenario.run(port, "homes-path.mjs", 900);
    }
}
