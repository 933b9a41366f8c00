package org.tandem.e2e;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.support.TandemIntegrationTest;

/**
 * A real browser against the running application: the adviser files a request, the expert edits
 * (with the diff) and approves after displaying the whole letter, the final letter shows its
 * label. The scenario lives in frontend/e2e/letter-path.mjs; it also runs axe-core on each page.
 */
@TandemIntegrationTest
class LetterBrowserTest {

    @LocalServerPort int port;

    @Test
    void adviserAndExpertCompleteTheLetterPathInChromium() throws Exception {
        BrowserScenario.run(port, "letter-path.mjs", 180);
    }
}
