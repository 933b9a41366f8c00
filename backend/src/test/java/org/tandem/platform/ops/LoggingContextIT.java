package org.tandem.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.content.CaseService;
import org.tandem.content.ContentCase;
import org.tandem.content.NewCaseRequest;
import org.tandem.platform.footprint.ModelCallRecorder;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/** The AI step's log lines carry the case and process instance ids, and no text of the case. */
@TandemIntegrationTest
class LoggingContextIT {

    @Autowired
    CaseService cases;

    @Test
    void theAiStepLogsWithTheCaseInItsContext() {
        Logger logger = (Logger) LoggerFactory.getLogger(ModelCallRecorder.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            var alice = new CurrentUser("alice", "Alice", EnumSet.of(Role.ADVISER), List.of("advisers"));
            ContentCase opened = cases.open(
                    new NewCaseRequest(
                            "reply-letter", "M-1003", "Journaux structurés", "Message confidentiel du sociétaire."),
                    alice);
            String caseId = String.valueOf(opened.id());
            ILoggingEvent event = Eventually.await(
                    "the model call's log line",
                    Duration.ofSeconds(30),
                    () -> appender.list.stream()
                            .filter(e -> caseId.equals(e.getMDCPropertyMap().get("caseId")))
                            .findFirst()
                            .orElse(null));
            assertThat(event.getMDCPropertyMap()).containsEntry("processInstanceId", opened.processInstanceId());
            assertThat(appender.list)
                    .allSatisfy(e ->
                            assertThat(e.getFormattedMessage()).doesNotContain("confidentiel", "Journaux structurés"));
        } finally {
            logger.detachAppender(appender);
        }
    }
}
