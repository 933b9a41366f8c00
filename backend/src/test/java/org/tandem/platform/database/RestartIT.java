package org.tandem.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tandem.TandemApplication;
import org.tandem.content.CaseRepository;
import org.tandem.content.CaseService;
import org.tandem.content.NewCaseRequest;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;

/** Data written before a restart on the same embedded data folder is there after it. */
class RestartIT {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(TandemApplication.class)
                .profiles("demo")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=",
                        "tandem.embedded-db.data-dir=" + dataDir,
                        "tandem.worker.enabled=false",
                        // no replayed demo history: it would move the engine's clock JVM-wide under the other tests
                        "tandem.demo.history=false",
                        // Cockpit keeps its engine in a static field: a closing extra app must not clear the shared
                        // test app's
                        "camunda.bpm.webapp.enabled=false",
                        "camunda.bpm.job-execution.enabled=false")
                .run();
    }

    @Test
    void casesAndTheirProcessesSurviveARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("tandem-restart-").resolve("postgres");
        long caseId;
        String processInstanceId;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            var alice = new CurrentUser("alice", "Alice", EnumSet.of(Role.ADVISER), List.of("advisers"));
            var opened = first.getBean(CaseService.class)
                    .open(
                            new NewCaseRequest(
                                    "reply-letter",
                                    "M-1003",
                                    "Avant redémarrage",
                                    "Mon message écrit avant le redémarrage."),
                            alice);
            caseId = opened.id();
            processInstanceId = opened.processInstanceId();
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            var found = second.getBean(CaseRepository.class).findById(caseId);
            assertThat(found).isPresent();
            assertThat(found.get().subject()).isEqualTo("Avant redémarrage");
            assertThat(second.getBean(RuntimeService.class)
                            .createProcessInstanceQuery()
                            .processInstanceId(processInstanceId)
                            .count())
                    .isEqualTo(1);
        }
    }
}
