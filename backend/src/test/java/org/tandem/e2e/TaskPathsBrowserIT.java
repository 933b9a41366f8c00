package org.tandem.e2e;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.support.TandemIntegrationTest;

/**
 * The task page's other paths in Chromium (frontend/e2e/task-paths.mjs): regenerate with an
 * instruction, reject with a reason, AI failure → hand-drafting (the test use case
 * {@code test-ai-off-letter} from src/test/resources, whose AI is switched off), extraction
 * verification, a user of another group refused (403), the four-eyes denial, and the AI referent's
 * authorisation screen (opened, refusal without a reason); axe on each page.
 */
@TandemIntegrationTest
class TaskPathsBrowserIT {

    @LocalServerPort
    int port;

    @Test
    void regenerateRejectHandDraftExtractionOtherGroupAndFourEyesInChromium() throws Exception {
        BrowserScenario.run(port, "task-paths.mjs", 300);
    }
}
