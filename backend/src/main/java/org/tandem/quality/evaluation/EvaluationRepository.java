package org.tandem.quality.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;
import org.tandem.platform.time.EngineClock;

/** The evaluation runs and their cases (prompt_evaluation, prompt_evaluation_case). */
@Repository
class EvaluationRepository {

    enum Side {
        CANDIDATE,
        BASELINE
    }

    record Run(
            long id,
            String useCaseKey,
            int candidateVersion,
            Integer baselineVersion,
            int referenceSize,
            int totalCases,
            int doneCases,
            String status,
            String provider,
            String requestedBy,
            String processInstanceId,
            OffsetDateTime createdAt,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt) {}

    record CaseRow(
            long evaluationId,
            long caseId,
            String side,
            int position,
            String status,
            String draftText,
            String model,
            Double editDistance,
            Integer lengthChars,
            Integer guardrailFindings,
            Integer blockingFindings,
            Integer sourcesCited,
            BigDecimal costEur,
            Double energyWh,
            Long latencyMs,
            String failure) {}

    private final JdbcClient jdbc;

    EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String useCaseKey, int candidate, Integer baseline, int referenceSize, String provider, String by) {
        return jdbc.sql("""
                        insert into prompt_evaluation (use_case_key, candidate_version, baseline_version, reference_size,
                            status, provider, requested_by, created_at)
                        values (?, ?, ?, ?, 'REQUESTED', ?, ?, ?) returning id""")
                .params(useCaseKey, candidate, baseline, referenceSize, provider, by, EngineClock.now())
                .query(Long.class)
                .single();
    }

    void addCase(long evaluationId, long caseId, Side side, int position) {
        jdbc.sql("""
                        insert into prompt_evaluation_case (evaluation_id, case_id, side, position, status)
                        values (?, ?, ?, ?, 'PENDING')""").params(evaluationId, caseId, side.name(), position).update();
        jdbc.sql("update prompt_evaluation set total_cases = total_cases + 1 where id = ?")
                .param(evaluationId)
                .update();
    }

    void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update prompt_evaluation set process_instance_id = ? where id = ?")
                .params(processInstanceId, id)
                .update();
    }

    Optional<Run> find(long id) {
        return jdbc.sql("select * from prompt_evaluation where id = ?")
                .param(id)
                .query(Rows.of(Run.class))
                .optional();
    }

    /** The runs of a version, newest first. */
    List<Run> ofVersion(String useCaseKey, int version) {
        return jdbc.sql("""
                        select * from prompt_evaluation where use_case_key = ? and candidate_version = ?
                        order by id desc""")
                .params(useCaseKey, version)
                .query(Rows.of(Run.class))
                .list();
    }

    List<Run> ofUseCase(String useCaseKey, int limit) {
        return jdbc.sql("select * from prompt_evaluation where use_case_key = ? order by id desc limit ?")
                .params(useCaseKey, limit)
                .query(Rows.of(Run.class))
                .list();
    }

    List<CaseRow> cases(long evaluationId) {
        return jdbc.sql("select * from prompt_evaluation_case where evaluation_id = ? order by position, side desc")
                .param(evaluationId)
                .query(Rows.of(CaseRow.class))
                .list();
    }

    List<CaseRow> pending(long evaluationId) {
        return jdbc.sql("""
                        select * from prompt_evaluation_case where evaluation_id = ? and status = 'PENDING'
                        order by position, side desc""").param(evaluationId).query(Rows.of(CaseRow.class)).list();
    }

    void markRunning(long id) {
        jdbc.sql("""
                        update prompt_evaluation set status = 'RUNNING', started_at = coalesce(started_at, ?)
                        where id = ? and status <> 'DONE'""").params(EngineClock.now(), id).update();
    }

    void markDone(long id) {
        jdbc.sql("update prompt_evaluation set status = 'DONE', finished_at = ? where id = ? and status <> 'DONE'")
                .params(EngineClock.now(), id)
                .update();
    }

    /** Stores one case's result once: a re-delivered run skips what is done. */
    void done(
            long evaluationId,
            long caseId,
            Side side,
            String draftText,
            String model,
            double editDistance,
            int length,
            int findings,
            int blocking,
            int sourcesCited,
            BigDecimal cost,
            Double energyWh,
            long latencyMs) {
        int updated = jdbc.sql("""
                        update prompt_evaluation_case set status = 'DONE', draft_text = ?, model = ?, edit_distance = ?,
                            length_chars = ?, guardrail_findings = ?, blocking_findings = ?, sources_cited = ?,
                            cost_eur = ?, energy_wh = ?, latency_ms = ?
                        where evaluation_id = ? and case_id = ? and side = ? and status = 'PENDING'""")
                .params(
                        draftText,
                        model,
                        editDistance,
                        length,
                        findings,
                        blocking,
                        sourcesCited,
                        cost,
                        energyWh,
                        latencyMs,
                        evaluationId,
                        caseId,
                        side.name())
                .update();
        progress(evaluationId, updated);
    }

    void failed(long evaluationId, long caseId, Side side, String failure) {
        int updated =
                jdbc.sql("""
                        update prompt_evaluation_case set status = 'FAILED', failure = ?
                        where evaluation_id = ? and case_id = ? and side = ? and status = 'PENDING'""").params(failure, evaluationId, caseId, side.name()).update();
        progress(evaluationId, updated);
    }

    /** Counted rather than incremented: a crash between the two statements leaves nothing to correct. */
    private void progress(long evaluationId, int updated) {
        if (updated > 0) {
            jdbc.sql("""
                            update prompt_evaluation set done_cases = (select count(*) from prompt_evaluation_case
                                where evaluation_id = ? and status <> 'PENDING') where id = ?""").params(evaluationId, evaluationId).update();
        }
    }
}
