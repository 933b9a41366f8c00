package org.tandem.content.review;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;
import org.tandem.platform.time.EngineClock;

/** The decisions people took on a case's tasks, with the structured reasons they chose. */
@Repository
public class ReviewDecisionRepository {

    private final JdbcClient jdbc;

    ReviewDecisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the decision's id */
    public long insert(
            long caseId,
            String taskId,
            String taskKey,
            String decision,
            String instruction,
            String reason,
            String decidedBy) {
        return jdbc.sql("""
                        insert into review_decision (case_id, task_id, task_key, decision, instruction, reason, decided_by,
                                                     decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(caseId, taskId, taskKey, decision, instruction, reason, decidedBy, EngineClock.now())
                .query(Long.class)
                .single();
    }

    /** Stores the structured reasons chosen with a decision (codes of the use case's set, checked by the caller). */
    public void insertReasons(long decisionId, List<String> codes) {
        for (String code : new java.util.LinkedHashSet<>(codes)) {
            jdbc.sql("insert into review_reason (decision_id, reason_code) values (?, ?)")
                    .params(decisionId, code)
                    .update();
        }
    }

    /** The reasons chosen on a case's decisions, by decision id. */
    public java.util.Map<Long, List<String>> reasons(long caseId) {
        var byDecision = new java.util.LinkedHashMap<Long, List<String>>();
        jdbc.sql("""
                        select r.decision_id, r.reason_code from review_reason r join review_decision d on d.id = r.decision_id
                        where d.case_id = ? order by r.decision_id, r.reason_code""")
                .param(caseId)
                .query((rs, i) -> java.util.Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .forEach(e -> byDecision
                        .computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>())
                        .add(e.getValue()));
        return byDecision;
    }

    /** Whether the person decided on one of the case's tasks. */
    public boolean decidedBy(long caseId, String username) {
        return jdbc.sql("select count(*) from review_decision where case_id = ? and decided_by = ?")
                        .params(caseId, username)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * How many times the case's reviewers asked the AI for a new draft: the count the process keeps in its
     * « regenerations » variable for its gateway, read here without an engine command (issue 18).
     */
    public int regenerations(long caseId) {
        return jdbc.sql("select count(*) from review_decision where case_id = ? and task_key = ? and decision = ?")
                .params(caseId, org.tandem.content.ContentTasks.REVIEW, "REGENERATE")
                .query(Integer.class)
                .single();
    }

    public List<ReviewDecision> all(long caseId) {
        return jdbc.sql("select * from review_decision where case_id = ? order by decided_at, id")
                .param(caseId)
                .query(Rows.of(ReviewDecision.class))
                .list();
    }
}
