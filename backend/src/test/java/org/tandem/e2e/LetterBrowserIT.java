package org.tandem.e2e;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tandem.support.SeededTasks;
import org.tandem.support.TandemIntegrationTest;

/**
 * A real browser against the running application: the adviser files a request, the expert edits
 * (with the diff) and approves after displaying the whole letter, the final letter shows its
 * label. The scenario lives in frontend/e2e/letter-path.mjs; it also runs axe-core on each page.
 */
@TandemIntegrationTest
class LetterBrowserIT {

    /** Tasks the expert bob sees besides this run's: the list must stay interactive within 1 s with them. */
    static final int SEEDED_TASKS = 1000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adviserAndExpertCompleteTheLetterPathInChromium() throws Exception {
        SeededTasks.seed(
                jdbc, "e2e-list-", SEEDED_TASKS, List.of("member-relations-experts"), List.of("reply-letter"), 0);
        try {
            BrowserScenario.run(port, "letter-path.mjs", 180, Map.of("SEEDED_TASKS", String.valueOf(SEEDED_TASKS)));
        } finally {
            SeededTasks.remove(jdbc, "e2e-list-");
        }
    }
}
