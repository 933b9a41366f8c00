package org.tandem.e2e;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.quality.review.SecondReviewDraws;
import org.tandem.support.TandemIntegrationTest;

/**
 * The quality loop in Chromium (frontend/e2e/quality-path.mjs): the reading-speed floor's confirmation on
 * an acceptance and an approval, the blind second review by another expert, a reviewer's own figures and
 * consent, an evaluation run with its progress bar and the AI referent's authorisation, the corrections
 * export, the managers' quality screen; axe on each at 1366×900. The test profile draws second reviews
 * only when asked: this test draws the quality test use case's every second while the scenario runs.
 */
@TandemIntegrationTest
class QualityBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    SecondReviewDraws draws;

    @Test
    void theQualityLoopInChromium() throws Exception {
        ScheduledExecutorService drawing = Executors.newSingleThreadScheduledExecutor();
        drawing.scheduleWithFixedDelay(
                () -> {
                    try {
                        draws.sweep("test-quality-letter");
                    } catch (RuntimeException e) {
                        System.out.println("second review draw failed: " + e);
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
        try {
            BrowserScenario.run(port, "quality-path.mjs", 480);
        } finally {
            drawing.shutdownNow();
        }
    }
}
