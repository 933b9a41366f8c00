package org.tandem.governance.lifecycle;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;

@Repository
public class KpiRepository {

    public record Kpi(
            long id,
            long projectId,
            String metric,
            String unit,
            String direction,
            Double baseline,
            double target,
            double guardrail) {
        public KpiMetric kpiMetric() {
            return KpiMetric.valueOf(metric);
        }

        public KpiMetric.Direction kpiDirection() {
            return KpiMetric.Direction.valueOf(direction);
        }
    }

    private final JdbcClient jdbc;

    KpiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Kpi> kpis(long projectId) {
        return jdbc.sql("select * from project_kpi where project_id = ? order by id")
                .param(projectId)
                .query(Rows.of(Kpi.class))
                .list();
    }

    public void replaceKpis(long projectId, List<Kpi> kpis) {
        jdbc.sql("delete from project_kpi where project_id = ?")
                .param(projectId)
                .update();
        for (Kpi k : kpis) {
            jdbc.sql("""
                            insert into project_kpi (project_id, metric, unit, direction, baseline, target, guardrail)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(projectId, k.metric(), k.unit(), k.direction(), k.baseline(), k.target(), k.guardrail())
                    .update();
        }
    }

    /**
     * The closed cases (measured: approved or rejected) of a use case requested from these entities
     * since a moment, with their cost, footprint and people's answers.
     */
    public List<CaseSample> samples(String useCaseKey, Collection<String> entities, OffsetDateTime since) {
        return samples(useCaseKey, entities, since, false);
    }

    /**
     * The closed cases the advisers of these entities chose to write « sans IA »: counted apart, in neither
     * the pilot's nor the control group's figures.
     */
    public List<CaseSample> withoutAiSamples(String useCaseKey, Collection<String> entities, OffsetDateTime since) {
        return samples(useCaseKey, entities, since, true);
    }

    private List<CaseSample> samples(
            String useCaseKey, Collection<String> entities, OffsetDateTime since, boolean withoutAi) {
        if (entities.isEmpty() || useCaseKey == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select c.id as case_id, c.entity_code, c.created_at, m.time_to_approval_ms,
                               m.accepted_without_edit, m.edit_ratio_chars, m.rejected, m.regenerations, m.hand_drafted,
                               coalesce(mc.cost, 0) as cost_eur, coalesce(mc.energy, 0) as energy_wh,
                               coalesce(mc.co2e, 0) as kg_co2e, cs.comfort, cs.minutes_saved, ms.score as satisfaction
                        from content_case c
                        join case_metrics m on m.case_id = c.id
                        left join (select case_id, sum(cost_eur) as cost,
                                          sum((coalesce(energy_wh_min, 0) + coalesce(energy_wh_max, 0)) / 2) as energy,
                                          sum((coalesce(usage_kgco2e_min, 0) + coalesce(usage_kgco2e_max, 0)
                                               + coalesce(embodied_kgco2e_min, 0) + coalesce(embodied_kgco2e_max, 0)) / 2) as co2e
                                   from model_call where case_id is not null group by case_id) mc on mc.case_id = c.id
                        left join (select case_id, avg(comfort) as comfort, avg(minutes_saved) as minutes_saved
                                   from comfort_survey group by case_id) cs on cs.case_id = c.id
                        left join member_satisfaction ms on ms.case_id = c.id
                        where c.use_case_key = :useCase and c.entity_code in (:entities) and c.created_at >= :since
                          and c.without_ai = :withoutAi
                        order by c.created_at""")
                .param("useCase", useCaseKey)
                .param("withoutAi", withoutAi)
                .param("entities", entities)
                .param("since", since)
                .query(Rows.of(CaseSample.class))
                .list();
    }
}
