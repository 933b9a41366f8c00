package org.tandem.work.inbox;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tandem.support.TandemIntegrationTest;

/**
 * The full benchmark: 100,000 open and 1,000,000 historic tasks (BENCH_OPEN, BENCH_HISTORIC and
 * BENCH_QUERIES change them). Tagged "benchmark": run it with scripts/bench-tasklist.sh.
 */
@Tag("benchmark")
@TandemIntegrationTest
class TaskListBenchmark {

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identities;

    @Autowired
    RepositoryService repository;

    @Test
    void taskListVersusCamundaRest() {
        int open = Integer.parseInt(System.getenv().getOrDefault("BENCH_OPEN", "100000"));
        int historic = Integer.parseInt(System.getenv().getOrDefault("BENCH_HISTORIC", "1000000"));
        int queries = Integer.parseInt(System.getenv().getOrDefault("BENCH_QUERIES", "200"));
        var bench = new TaskListBench(jdbc, port, identities, repository);
        TaskListBench.report(bench.run(open, historic, queries));
    }
}
