package org.tandem.content.review;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.platform.time.EngineClock;

@Repository
public class ReviewDecisionRepository {

    private final JdbcClient jdbc;

    ReviewDecisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            long caseId,
            String taskId,
            String taskKey,
            String decision,
            String instruction,
            String reason,
            String decidedBy) {
        jdbc.sql("""
                        insert into review_decision (case_id, task_id, task_key, decision, instruction, reason, decided_by,
                                                     decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, taskId, taskKey, decision, instruction, reason, decidedBy, EngineClock.now())
                .update();
    }

    /** Whether the person decided on one of the case's tasks. */
    public boolean decidedBy(long caseId, String username) {
        return jdbc.sql("select count(*) from review_decision where case_id = ? and decided_by = ?")
                        .params(caseId, username)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public List<ReviewDecision> all(long caseId) {
        return jdbc.sql("select * from review_decision where case_id = ? order by decided_at, id")
                .param(caseId)
                .query(ReviewDecision.class)
                .list();
    }
}
