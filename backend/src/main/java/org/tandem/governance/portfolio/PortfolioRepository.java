package org.tandem.governance.portfolio;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PortfolioRepository {

    private final JdbcClient jdbc;

    PortfolioRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Directorate> directorates() {
        return jdbc.sql("select * from directorate order by name")
                .query(Directorate.class)
                .list();
    }

    Optional<Directorate> directorate(String code) {
        return jdbc.sql("select * from directorate where code = ?")
                .param(code)
                .query(Directorate.class)
                .optional();
    }

    void updateWeights(String code, Weights w) {
        jdbc.sql("""
                        update directorate set w_value = ?, w_cost = ?, w_feasibility = ?, w_environment = ?, w_risk = ?
                        where code = ?""")
                .params(w.value(), w.cost(), w.feasibility(), w.environment(), w.risk(), code)
                .update();
    }

    void save(ProjectScore s) {
        jdbc.sql("delete from project_score where project_id = ?")
                .param(s.projectId())
                .update();
        jdbc.sql("""
                        insert into project_score (project_id, cases_per_year, minutes_saved_per_case, member_benefit,
                            build_cost_eur, model, input_tokens_per_case, output_tokens_per_case, feasibility, risk_tier,
                            run_cost_eur_per_year, energy_kwh_min, energy_kwh_max, kgco2e_min, kgco2e_max, value_score,
                            cost_score, feasibility_score, environment_score, risk_score, total_score, weights, scored_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        s.projectId(),
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
                        s.scoredBy())
                .update();
    }

    Optional<ProjectScore> score(long projectId) {
        return jdbc.sql("select * from project_score where project_id = ?")
                .param(projectId)
                .query(ProjectScore.class)
                .optional();
    }

    List<ProjectScore> scores() {
        return jdbc.sql("select * from project_score").query(ProjectScore.class).list();
    }
}
