package org.tandem.support;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Content cases and drafts written straight into Tandem's tables, without a process, for tests of
 * what is read from them (views, measures, gates); {@link #remove} takes a case and its rows away.
 */
public final class SeededCases {

    private SeededCases() {}

    /** A case in DRAFTING, requested at {@code createdAt}, without process, draft or entity. */
    public static long insertCase(
            JdbcClient jdbc,
            String useCaseKey,
            String memberId,
            String requestedBy,
            String subject,
            OffsetDateTime createdAt) {
        return jdbc.sql("""
                        insert into content_case (use_case_key, prompt_version, member_id, subject, message, status,
                                                  requested_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, 'DRAFTING', ?, ?, ?) returning id""")
                .params(
                        useCaseKey,
                        useCaseKey + "@v1",
                        memberId,
                        subject,
                        "Message du sociétaire : " + subject,
                        requestedBy,
                        createdAt,
                        createdAt)
                .query(Long.class)
                .single();
    }

    /** A draft of the case; {@code producer} MODEL, OFFLINE or HUMAN, {@code model} the model (or the author). */
    public static long insertDraft(
            JdbcClient jdbc, long caseId, String producer, String model, String text, OffsetDateTime createdAt) {
        int attempt = jdbc.sql("select count(*) from draft where case_id = ?")
                .param(caseId)
                .query(Integer.class)
                .single();
        return jdbc.sql("""
                        insert into draft (case_id, external_task_id, attempt, text, producer, model, prompt_version,
                                           created_at)
                        values (?, ?, ?, ?, ?, ?, (select prompt_version from content_case where id = ?), ?)
                        returning id""")
                .params(caseId, "seeded-" + caseId, attempt, text, producer, model, caseId, createdAt)
                .query(Long.class)
                .single();
    }

    /** The case and every row that refers to it. */
    public static void remove(JdbcClient jdbc, long caseId) {
        for (String table : new String[] {
            "task_escalation",
            "case_metrics",
            "content_version",
            "review_decision",
            "disclosure",
            "model_call",
            "draft",
            "case_context"
        }) {
            jdbc.sql("delete from " + table + " where case_id = ?")
                    .param(caseId)
                    .update();
        }
        jdbc.sql("delete from content_case where id = ?").param(caseId).update();
    }
}
