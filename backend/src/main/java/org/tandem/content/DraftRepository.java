package org.tandem.content;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.content.drafting.JsonColumns;
import org.tandem.platform.database.Rows;
import org.tandem.platform.guardrails.GuardrailReport;
import org.tandem.platform.time.EngineClock;

@Repository
public class DraftRepository {

    private static final TypeReference<List<DraftSource>> SOURCES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonColumns json;

    DraftRepository(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts unless the same task and attempt already produced a draft; returns the stored one. */
    Draft saveOnce(
            long caseId,
            String externalTaskId,
            int attempt,
            String text,
            Draft.Producer producer,
            String model,
            String promptVersion,
            Integer inputTokens,
            Integer outputTokens,
            long latencyMs) {
        return insertOnce(
                        caseId,
                        externalTaskId,
                        attempt,
                        text,
                        producer,
                        model,
                        promptVersion,
                        inputTokens,
                        outputTokens,
                        latencyMs,
                        List.of(),
                        null,
                        null)
                .draft();
    }

    /** The draft of a task and attempt, and whether this call stored it (false: a re-delivered task had one). */
    record Stored(Draft draft, boolean now) {}

    /**
     * Stores a draft with the sources the AI step was given, the guardrails' report and the count of hidden values,
     * unless the task and attempt already produced one (then that one is read): one statement when it is new.
     */
    Stored insertOnce(
            long caseId,
            String externalTaskId,
            int attempt,
            String text,
            Draft.Producer producer,
            String model,
            String promptVersion,
            Integer inputTokens,
            Integer outputTokens,
            long latencyMs,
            List<DraftSource> sources,
            GuardrailReport guardrails,
            Integer pseudonymisedValues) {
        return jdbc.sql("""
                        insert into draft (case_id, external_task_id, attempt, text, producer, model, prompt_version,
                                           input_tokens, output_tokens, latency_ms, sources, guardrails,
                                           pseudonymised_values, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)
                        on conflict (external_task_id, attempt) do nothing
                        returning *""")
                .params(
                        caseId,
                        externalTaskId,
                        attempt,
                        text,
                        producer.name(),
                        model,
                        promptVersion,
                        inputTokens,
                        outputTokens,
                        latencyMs,
                        json.write(sources),
                        guardrails == null ? null : json.write(guardrails),
                        pseudonymisedValues,
                        EngineClock.now())
                .query(Rows.of(Draft.class))
                .optional()
                .map(stored -> new Stored(stored, true))
                .orElseGet(() -> new Stored(findByTask(externalTaskId, attempt).orElseThrow(), false));
    }

    /** The knowledge passages the draft's AI step was given (empty for hand-written drafts). */
    public List<DraftSource> sources(long draftId) {
        return jdbc.sql("select sources from draft where id = ?")
                .param(draftId)
                .query(String.class)
                .optional()
                .map(this::readSources)
                .orElse(List.of());
    }

    /** What the guardrails found on the draft; empty for drafts written by people or before the guardrails. */
    public Optional<GuardrailReport> guardrails(long draftId) {
        return jdbc.sql("select guardrails from draft where id = ?")
                .param(draftId)
                .query(String.class)
                .optional()
                .map(this::readGuardrails);
    }

    /** A draft's sources and guardrail findings, for the pages that show both. */
    public record Annexes(List<DraftSource> sources, Optional<GuardrailReport> guardrails) {}

    /** {@link #sources} and {@link #guardrails} in one query. */
    public Annexes annexes(long draftId) {
        return jdbc.sql("select sources, guardrails from draft where id = ?")
                .param(draftId)
                .query((rs, n) -> new Annexes(
                        Optional.ofNullable(rs.getString("sources"))
                                .map(this::readSources)
                                .orElse(List.of()),
                        Optional.ofNullable(rs.getString("guardrails")).map(this::readGuardrails)))
                .optional()
                .orElse(new Annexes(List.of(), Optional.empty()));
    }

    private List<DraftSource> readSources(String column) {
        return json.read(column, SOURCES);
    }

    private GuardrailReport readGuardrails(String column) {
        return json.read(column, new TypeReference<GuardrailReport>() {});
    }

    Optional<Draft> findByTask(String externalTaskId, int attempt) {
        return jdbc.sql("select * from draft where external_task_id = ? and attempt = ?")
                .params(externalTaskId, attempt)
                .query(Rows.of(Draft.class))
                .optional();
    }

    /** The latest draft of the case, whoever wrote it. */
    public Optional<Draft> latest(long caseId) {
        return jdbc.sql("select * from draft where case_id = ? order by created_at desc, id desc limit 1")
                .param(caseId)
                .query(Rows.of(Draft.class))
                .optional();
    }

    public Optional<Draft> first(long caseId) {
        return jdbc.sql("select * from draft where case_id = ? order by created_at, id limit 1")
                .param(caseId)
                .query(Rows.of(Draft.class))
                .optional();
    }

    public Optional<Draft> findById(long id) {
        return jdbc.sql("select * from draft where id = ?")
                .param(id)
                .query(Rows.of(Draft.class))
                .optional();
    }

    /**
     * The latest draft the AI step proposed, by a model or by the offline drafter standing in for one
     * (what a reviewer reviews, a regeneration rewrites, a chatbot answers). Whether a model wrote it is
     * {@link Draft.Producer#isAi()}: only then does its text count as AI.
     */
    public Optional<Draft> latestFromAiStep(long caseId) {
        return jdbc.sql("""
                        select * from draft where case_id = ? and producer <> 'HUMAN'
                        order by created_at desc, id desc limit 1""").param(caseId).query(Rows.of(Draft.class)).optional();
    }

    /** Each save of a hand-drafting task is kept as the next attempt of that task; the author is the "model". */
    public Draft saveHumanDraft(long caseId, String taskId, String text, String author) {
        int attempt = jdbc.sql("select coalesce(max(attempt), -1) + 1 from draft where external_task_id = ?")
                .param(taskId)
                .query(Integer.class)
                .single();
        return saveOnce(caseId, taskId, attempt, text, Draft.Producer.HUMAN, author, "-", null, null, 0);
    }

    public long countForCase(long caseId) {
        return jdbc.sql("select count(*) from draft where case_id = ?")
                .param(caseId)
                .query(Long.class)
                .single();
    }
}
