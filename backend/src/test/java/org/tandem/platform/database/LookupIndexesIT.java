package org.tandem.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tandem.support.TandemIntegrationTest;

/**
 * The lookups that run on every step read one index, not every row (issue 18): the engine's subtasks of a
 * completed task and its acquisition of due jobs (EngineIndexes, created after the engine's schema), a case
 * by its open process and who worked on a case (migration V102). Each query's plan names its index.
 */
@TandemIntegrationTest
class LookupIndexesIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEnginesAndTandemsLookupsUseTheirIndexes() {
        Map<String, String> queries = Map.of(
                "act_idx_task_parent",
                "select * from act_ru_task where parent_task_id_ = 'x'",
                "act_idx_job_duedate",
                "select id_ from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())"
                        + " and (lock_owner_ is null or lock_exp_time_ < now()) and suspension_state_ = 1 limit 3",
                "content_case_open_process",
                "update content_case set closed_at = now() where process_instance_id = 'x' and closed_at is null",
                "reading_decision_case",
                "select decided_by from reading_decision where case_id = 1");
        queries.forEach((index, query) -> {
            assertThat(jdbc.queryForObject(
                            "select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid"
                                    + " where c.relname = ?",
                            Boolean.class,
                            index))
                    .as(index)
                    .isTrue();
            // a test database is small: the planner would read it whole anyway; forbid that to see the index used
            assertThat(plan(query)).as(query).contains(index);
        });
    }

    @Test
    void creatingThemAgainChangesNothing() {
        // every start runs them, and nodes start together: "if not exists"
        EngineIndexes.INDEXES.forEach(index -> jdbc.execute(index.ddl()));
        assertThat(jdbc.queryForObject(
                        "select count(*) from pg_indexes where indexname in ('act_idx_task_parent', 'act_idx_job_duedate')",
                        Integer.class))
                .isEqualTo(2);
    }

    private String plan(String query) {
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local enable_seqscan = off");
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("explain " + query)) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
                return String.join("\n", lines);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        });
    }
}
