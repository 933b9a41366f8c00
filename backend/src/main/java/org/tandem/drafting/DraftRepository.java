package org.tandem.drafting;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DraftRepository {

    private final JdbcClient jdbc;

    DraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the same task and attempt already produced a draft; returns the stored one. */
    Draft saveOnce(long caseId, String externalTaskId, int attempt, String text, Draft.Producer producer, String model,
                   String promptVersion, Integer inputTokens, Integer outputTokens, long latencyMs) {
        insertOnce(caseId, externalTaskId, attempt, text, producer, model, promptVersion, inputTokens, outputTokens,
                latencyMs);
        return findByTask(externalTaskId, attempt).orElseThrow();
    }

    /** @return true when this call stored the draft, false when the task and attempt already had one */
    boolean insertOnce(long caseId, String externalTaskId, int attempt, String text, Draft.Producer producer,
                       String model, String promptVersion, Integer inputTokens, Integer outputTokens, long latencyMs) {
        return jdbc.sql("""
                        insert into draft (case_id, external_task_id, attempt, text, producer, model, prompt_version,
                                           input_tokens, output_tokens, latency_ms)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (external_task_id, attempt) do nothing""")
                .params(caseId, externalTaskId, attempt, text, producer.name(), model, promptVersion, inputTokens,
                        outputTokens, latencyMs)
                .update() == 1;
    }

    Optional<Draft> findByTask(String externalTaskId, int attempt) {
        return jdbc.sql("select * from draft where external_task_id = ? and attempt = ?")
                .params(externalTaskId, attempt).query(Draft.class).optional();
    }

    /** The latest draft of the case, whoever wrote it. */
    public Optional<Draft> latest(long caseId) {
        return jdbc.sql("select * from draft where case_id = ? order by created_at desc, id desc limit 1")
                .param(caseId).query(Draft.class).optional();
    }

    public Optional<Draft> first(long caseId) {
        return jdbc.sql("select * from draft where case_id = ? order by created_at, id limit 1")
                .param(caseId).query(Draft.class).optional();
    }

    public Optional<Draft> findById(long id) {
        return jdbc.sql("select * from draft where id = ?").param(id).query(Draft.class).optional();
    }

    /** The latest draft the AI produced: the reference the final text is measured against. */
    public Optional<Draft> latestByAi(long caseId) {
        return jdbc.sql("""
                        select * from draft where case_id = ? and producer <> 'HUMAN'
                        order by created_at desc, id desc limit 1""")
                .param(caseId).query(Draft.class).optional();
    }

    /** Each save of a hand-drafting task is kept as the next attempt of that task; the author is the "model". */
    public Draft saveHumanDraft(long caseId, String taskId, String text, String author) {
        int attempt = jdbc.sql("select coalesce(max(attempt), -1) + 1 from draft where external_task_id = ?")
                .param(taskId).query(Integer.class).single();
        return saveOnce(caseId, taskId, attempt, text, Draft.Producer.HUMAN, author, "-", null, null, 0);
    }

    public long countForCase(long caseId) {
        return jdbc.sql("select count(*) from draft where case_id = ?").param(caseId).query(Long.class).single();
    }
}
