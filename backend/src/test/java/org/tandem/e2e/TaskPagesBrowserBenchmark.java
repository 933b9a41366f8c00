package org.tandem.e2e;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tandem.support.SeededTasks;
import org.tandem.support.TandemIntegrationTest;

/**
 * P4 (issue 18): the task list and a task page in Chromium with 100,000 open tasks offered to the
 * expert bob's team, written by bulk SQL into Camunda's tables and the read model (frontend/e2e/p4-browser.mjs
 * files a real case for the task page and times 20 loads of each). Tagged "benchmark": run it with
 * bench/p4-browser.sh; BENCH_OPEN changes the number of tasks, LOADS the loads.
 */
@Tag("benchmark")
@TandemIntegrationTest
class TaskPagesBrowserBenchmark {

    private static final String PREFIX = "p4-";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void taskListAndTaskPageAreUsableWithinASecondInChromium() throws Exception {
        int open = Integer.parseInt(System.getenv().getOrDefault("BENCH_OPEN", "100000"));
        SeededTasks.remove(jdbc, PREFIX);
        long start = System.nanoTime();
        SeededTasks.seed(jdbc, PREFIX, open, List.of("member-relations-experts"), List.of("reply-letter"), 0);
        for (String table :
                List.of("act_ru_execution", "act_ru_variable", "act_ru_task", "act_ru_identitylink", "inbox_task")) {
            jdbc.execute("analyze " + table);
        }
        System.out.printf(
                "bench | seeded %,d open tasks for bob's team in %.1f s%n", open, (System.nanoTime() - start) / 1e9);
        try {
            Map<String, String> env = new java.util.HashMap<>(Map.of("SEEDED_TASKS", String.valueOf(open)));
            for (String name : List.of("LOADS", "WARMUP", "READY_BUDGET_MS", "P4_REPORT")) {
                String value = System.getenv(name);
                if (value != null) {
                    env.put(name, value);
                }
            }
            BrowserScenario.run(port, "p4-browser.mjs", 900, env);
        } finally {
            SeededTasks.remove(jdbc, PREFIX);
        }
    }
}
