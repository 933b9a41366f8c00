package org.tandem.governance.lifecycle;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.database.Rows;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;

/** The committee's reviews: a verdict and a comment on each of the nine criteria, then an outcome. */
@Service
public class EthicsService {

    public enum Verdict {
        FAVOURABLE,
        RESERVED,
        UNFAVOURABLE
    }

    public enum Outcome {
        APPROVE,
        APPROVE_WITH_CONDITIONS,
        REWORK,
        REJECT
    }

    public record CriterionVerdict(EthicsCriterion criterion, Verdict verdict, String comment) {}

    public record Review(
            long id,
            long projectId,
            String gate,
            String outcome,
            String conditions,
            String reviewedBy,
            OffsetDateTime reviewedAt,
            List<VerdictRow> verdicts) {}

    public record VerdictRow(String criterion, String label, String verdict, String comment) {}

    private record ReviewRow(
            long id,
            long projectId,
            String gate,
            String outcome,
            String conditions,
            String reviewedBy,
            OffsetDateTime reviewedAt) {}

    private final JdbcClient jdbc;
    private final ProjectRepository projects;
    private final ProjectTasks tasks;
    private final org.camunda.bpm.engine.RuntimeService runtime;

    EthicsService(
            JdbcClient jdbc,
            ProjectRepository projects,
            ProjectTasks tasks,
            org.camunda.bpm.engine.RuntimeService runtime) {
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.projects = projects;
        this.tasks = tasks;
    }

    @Transactional
    public Review record(
            long projectId, List<CriterionVerdict> verdicts, Outcome outcome, String conditions, CurrentUser member) {
        projects.require(projectId);
        var task = tasks.require(projectId, "ethicsReview", member, "d'avis du comité éthique");
        Set<EthicsCriterion> seen = EnumSet.noneOf(EthicsCriterion.class);
        for (CriterionVerdict v : verdicts == null ? List.<CriterionVerdict>of() : verdicts) {
            if (v.criterion() == null || v.verdict() == null) {
                throw ApiException.invalidField("verdicts", "Chaque critère demande un avis.");
            }
            if (v.comment() == null || v.comment().isBlank()) {
                throw ApiException.invalidField(
                        "verdicts", "Commentez le critère « " + v.criterion().label() + " ».");
            }
            if (!seen.add(v.criterion())) {
                throw ApiException.invalidField(
                        "verdicts", "Le critère « " + v.criterion().label() + " » est en double.");
            }
        }
        if (seen.size() != EthicsCriterion.values().length) {
            EnumSet<EthicsCriterion> missing =
                    EnumSet.complementOf(EnumSet.copyOf(seen.isEmpty() ? EnumSet.noneOf(EthicsCriterion.class) : seen));
            throw ApiException.invalidField(
                    "verdicts",
                    "Il manque l'avis sur : "
                            + String.join(
                                    ", ",
                                    missing.stream().map(EthicsCriterion::label).toList()) + ".");
        }
        if (outcome == null) {
            throw ApiException.invalidField("outcome", "Choisissez l'avis du comité.");
        }
        boolean needsText = outcome != Outcome.APPROVE;
        if (needsText && (conditions == null || conditions.isBlank())) {
            throw ApiException.invalidField(
                    "conditions",
                    switch (outcome) {
                        case APPROVE_WITH_CONDITIONS -> "Précisez les conditions de l'avis favorable.";
                        case REWORK -> "Précisez ce qui doit être retravaillé.";
                        default -> "Motivez le refus.";
                    });
        }
        String gate = gateOf(task.getExecutionId());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into ethics_review (project_id, gate, outcome, conditions, reviewed_by)
                        values (?, ?, ?, ?, ?)""")
                .params(
                        projectId,
                        gate,
                        outcome.name(),
                        conditions == null ? null : conditions.trim(),
                        member.username())
                .update(keys, "id");
        long reviewId = keys.getKeyAs(Long.class);
        for (CriterionVerdict v : verdicts) {
            jdbc.sql("insert into ethics_verdict (review_id, criterion, verdict, comment) values (?, ?, ?, ?)")
                    .params(
                            reviewId,
                            v.criterion().name(),
                            v.verdict().name(),
                            v.comment().trim())
                    .update();
        }
        projects.recordDecision(projectId, "ETHICS_" + gate, outcome.name(), conditions, member.username());
        tasks.complete(task, member, Map.of(LifecycleVariables.ETHICS_OUTCOME, outcome.name()));
        return reviews(projectId).stream()
                .filter(r -> r.id() == reviewId)
                .findFirst()
                .orElseThrow();
    }

    private String gateOf(String executionId) {
        Object gate = runtime.getVariable(executionId, LifecycleVariables.ETHICS_GATE);
        return gate == null ? "EXPERIMENT" : gate.toString();
    }

    public List<Review> reviews(long projectId) {
        return jdbc
                .sql("select * from ethics_review where project_id = ? order by reviewed_at, id")
                .param(projectId)
                .query(Rows.of(ReviewRow.class))
                .list()
                .stream()
                .map(r -> new Review(
                        r.id(),
                        r.projectId(),
                        r.gate(),
                        r.outcome(),
                        r.conditions(),
                        r.reviewedBy(),
                        r.reviewedAt(),
                        jdbc.sql("select criterion, verdict, comment from ethics_verdict where review_id = ?")
                                .param(r.id())
                                .query((rs, n) -> new VerdictRow(
                                        rs.getString(1),
                                        EthicsCriterion.valueOf(rs.getString(1)).label(),
                                        rs.getString(2),
                                        rs.getString(3)))
                                .list()))
                .toList();
    }
}
