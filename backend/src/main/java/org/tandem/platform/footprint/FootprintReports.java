package org.tandem.platform.footprint;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Aggregates of {@code model_call} per use case and month. */
@Repository
public class FootprintReports {

    /** A French insurer's months: a call at 00:30 on the 1st, Paris time, belongs to the new month. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static final String TOTALS = """
                               count(*) as calls,
                               count(*) filter (where outcome = 'FAILED') as failed_calls,
                               count(*) filter (where provider = 'offline') as offline_calls,
                               count(*) filter (where method_version is null) as calls_without_estimate,
                               coalesce(sum(input_tokens), 0) as input_tokens,
                               coalesce(sum(output_tokens), 0) as output_tokens,
                               coalesce(sum(cost_eur), 0) as cost_eur,
                               coalesce(sum(energy_wh_min), 0) as energy_wh_min,
                               coalesce(sum(energy_wh_max), 0) as energy_wh_max,
                               coalesce(sum(usage_kgco2e_min), 0) as usage_kgco2e_min,
                               coalesce(sum(usage_kgco2e_max), 0) as usage_kgco2e_max,
                               coalesce(sum(embodied_kgco2e_min), 0) as embodied_kgco2e_min,
                               coalesce(sum(embodied_kgco2e_max), 0) as embodied_kgco2e_max
            """;

    private final JdbcClient jdbc;

    FootprintReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public FootprintReport report(String useCase, YearMonth month) {
        return report(useCase, null, month);
    }

    /**
     * Per use case, entity (the requester's, when the case opened) and month. A call outside any case,
     * or of a case from before entities, has no entity.
     */
    public FootprintReport report(String useCase, String entity, YearMonth month) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (useCase != null) {
            where.append(" and m.use_case_key = ?");
            params.add(useCase);
        }
        if (entity != null) {
            where.append(" and c.entity_code = ?");
            params.add(entity);
        }
        if (month != null) {
            where.append(" and m.created_at >= ? and m.created_at < ?");
            params.add(start(month));
            params.add(start(month.plusMonths(1)));
        }
        String from = " from model_call m left join content_case c on c.id = m.case_id";
        List<FootprintReport.Row> rows = jdbc.sql(
                        """
                        select m.use_case_key, c.entity_code,
                               to_char(m.created_at at time zone 'Europe/Paris', 'YYYY-MM') as month,
                        """ + TOTALS + from + where + " group by 1, 2, 3 order by 3 desc, 1, 2")
                .params(params)
                .query((rs, i) -> new FootprintReport.Row(
                        rs.getString("use_case_key"), rs.getString("entity_code"), rs.getString("month"), totals(rs)))
                .list();
        List<String> versions = jdbc.sql(
                        "select distinct method_version" + from + where + " and method_version is not null order by 1")
                .params(params)
                .query(String.class)
                .list();
        FootprintTotals total =
                rows.stream().map(FootprintReport.Row::totals).reduce(FootprintTotals.NONE, FootprintTotals::plus);
        return new FootprintReport(useCase, entity, month == null ? null : month.toString(), versions, total, rows);
    }

    /** What the AI steps of one case cost and emitted (shown on the case page). */
    public FootprintTotals forCase(long caseId) {
        return jdbc.sql("select " + TOTALS + " from model_call where case_id = ?")
                .param(caseId)
                .query((rs, i) -> totals(rs))
                .single();
    }

    private static FootprintTotals totals(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FootprintTotals(
                rs.getLong("calls"),
                rs.getLong("failed_calls"),
                rs.getLong("offline_calls"),
                rs.getLong("calls_without_estimate"),
                rs.getLong("input_tokens"),
                rs.getLong("output_tokens"),
                rs.getBigDecimal("cost_eur"),
                rs.getDouble("energy_wh_min"),
                rs.getDouble("energy_wh_max"),
                rs.getDouble("usage_kgco2e_min"),
                rs.getDouble("usage_kgco2e_max"),
                rs.getDouble("embodied_kgco2e_min"),
                rs.getDouble("embodied_kgco2e_max"));
    }

    private static OffsetDateTime start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZONE).toOffsetDateTime();
    }
}
