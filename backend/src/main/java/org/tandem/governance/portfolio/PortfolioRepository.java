package org.tandem.governance.portfolio;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;

/** The directorates, and the two append-only histories of the portfolio: scorings and weights changes. */
@Repository
class PortfolioRepository {

    /** The latest scoring of each project at a moment (ties on the time: the later row). */
    private static final String LATEST_SCORES = """
            select distinct on (project_id) * from project_score
            where (cast(? as timestamptz) is null or scored_at <= ?) order by project_id, scored_at desc, id desc""";

    private final JdbcClient jdbc;

    PortfolioRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Directorate> directorates() {
        return jdbc.sql("select * from directorate order by name")
                .query(Rows.of(Directorate.class))
                .list();
    }

    Optional<Directorate> directorate(String code) {
        return jdbc.sql("select * from directorate where code = ?")
                .param(code)
                .query(Rows.of(Directorate.class))
                .optional();
    }

    /** The directorate's weights now, and the change kept in the history, in one transaction (the caller's). */
    void changeWeights(String code, Weights w, String reason, String by, OffsetDateTime at) {
        jdbc.sql("""
                        update directorate set w_value = ?, w_cost = ?, w_feasibility = ?, w_environment = ?, w_risk = ?
                        where code = ?""")
                .params(w.value(), w.cost(), w.feasibility(), w.environment(), w.risk(), code)
                .update();
        jdbc.sql("""
                        insert into directorate_weights (directorate_code, w_value, w_cost, w_feasibility, w_environment,
                            w_risk, reason, changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(code, w.value(), w.cost(), w.feasibility(), w.environment(), w.risk(), reason, by, at)
                .update();
    }

    /** Every change of the directorate's weights (all directorates when null), oldest first. */
    List<WeightsChange> weightsHistory(String code) {
        return jdbc.sql("""
                        select * from directorate_weights where (cast(? as varchar) is null or directorate_code = ?)
                        order by changed_at, id""")
                .params(code, code)
                .query(Rows.of(WeightsChange.class))
                .list();
    }

    /** Appends a scoring; the earlier ones stay. */
    void append(ProjectScore s) {
        jdbc.sql("""
                        insert into project_score (project_id, directorate_code, cases_per_year, minutes_saved_per_case,
                            member_benefit, build_cost_eur, model, input_tokens_per_case, output_tokens_per_case,
                            feasibility, risk_tier, run_cost_eur_per_year, energy_kwh_min, energy_kwh_max, kgco2e_min,
                            kgco2e_max, value_score, cost_score, feasibility_score, environment_score, risk_score,
                            total_score, weights, w_value, w_cost, w_feasibility, w_environment, w_risk, scored_by,
                            scored_at, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        s.projectId(),
                        s.directorateCode(),
                        s.casesPerYear(),
                        s.minutesSavedPerCase(),
                        s.memberBenefit(),
                        s.buildCostEur(),
                        s.model(),
                        s.inputTokensPerCase(),
                        s.outputTokensPerCase(),
                        s.feasibility(),
                        s.riskTier(),
                        s.runCostEurPerYear(),
                        s.energyKwhMin(),
                        s.energyKwhMax(),
                        s.kgco2eMin(),
                        s.kgco2eMax(),
                        s.valueScore(),
                        s.costScore(),
                        s.feasibilityScore(),
                        s.environmentScore(),
                        s.riskScore(),
                        s.totalScore(),
                        s.weights(),
                        s.wValue(),
                        s.wCost(),
                        s.wFeasibility(),
                        s.wEnvironment(),
                        s.wRisk(),
                        s.scoredBy(),
                        s.scoredAt(),
                        s.reason())
                .update();
    }

    /** The project's latest scoring. */
    Optional<ProjectScore> score(long projectId) {
        return jdbc.sql("select * from project_score where project_id = ? order by scored_at desc, id desc limit 1")
                .param(projectId)
                .query(Rows.of(ProjectScore.class))
                .optional();
    }

    /** Each project's latest scoring at the moment (null: the latest of all). */
    List<ProjectScore> scoresAt(OffsetDateTime at) {
        return jdbc.sql(LATEST_SCORES)
                .params(at, at)
                .query(Rows.of(ProjectScore.class))
                .list();
    }

    /** Every scoring (of one project, of one directorate's projects, or all), oldest first. */
    List<ProjectScore> scoreHistory(Long projectId, String directorateCode) {
        return jdbc.sql("""
                        select * from project_score
                        where (cast(? as bigint) is null or project_id = ?)
                          and (cast(? as varchar) is null or directorate_code = ?)
                        order by scored_at, id""")
                .params(projectId, projectId, directorateCode, directorateCode)
                .query(Rows.of(ProjectScore.class))
                .list();
    }
}
