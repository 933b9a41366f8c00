package org.tandem.work.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tandem.support.TandemIntegrationTest;

/**
 * The short variant of scripts/bench-tasklist.sh, run with the suite so the benchmark cannot rot:
 * 5,000 open and 20,000 historic tasks. It checks both sides answer the same page and prints the
 * figures; it asserts no timing (the machine is shared).
 */
@TandemIntegrationTest
class TaskListBenchmarkIT {

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identities;

    @Autowired
    RepositoryService repository;

    @Test
    void theTaskListAnswersTheSamePageAsCamundasRestApi() {
        var bench = new TaskListBench(jdbc, port, identities, repository);
        TaskListBench.Result result = bench.run(5_000, 20_000, 30);
        TaskListBench.report(result);
        // team 1 holds a twentieth of the tasks, a fifth of those are letters, nine in ten unclaimed
        assertThat(result.visible()).isEqualTo(45);
        assertThat(jdbc.queryForObject("select count(*) from act_ru_task where id_ like 'bench-%'", Integer.class))
                .isZero();
    }
}
