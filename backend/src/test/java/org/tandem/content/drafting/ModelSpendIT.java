package org.tandem.content.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.support.TandemIntegrationTest;

/**
 * The month's spending the AI budget reads is the sum of the month's recorded calls, kept by the database as
 * calls are recorded, corrected or removed (V103), so that a budget check reads one row however many calls
 * the month has seen.
 */
@TandemIntegrationTest
class ModelSpendIT {

    private static final String USE_CASE = "spend-test";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AiBudget budget;

    @AfterEach
    void removeCalls() {
        jdbc.sql("delete from model_call where use_case_key = ?")
                .param(USE_CASE)
                .update();
    }

    private long call(int in, int out, String euros, String createdAt) {
        return jdbc.sql("""
                        insert into model_call (use_case_key, provider, model, input_tokens, output_tokens, latency_ms,
                                                cost_eur, outcome, created_at)
                        values (?, 'mistral', 'mistral-small-latest', ?, ?, 10, cast(? as numeric), 'OK',
                                coalesce(cast(? as timestamptz), now()))
                        returning id""")
                .params(USE_CASE, in, out, euros, createdAt)
                .query(Long.class)
                .single();
    }

    private BigDecimal summed(String column) {
        BigDecimal sum = jdbc.sql("select coalesce(sum(" + column + "), 0) from model_call where use_case_key = ?"
                        + " and created_at >= ?")
                .params(
                        USE_CASE,
                        LocalDate.now(ZoneId.of("Europe/Paris"))
                                .withDayOfMonth(1)
                                .atStartOfDay(ZoneId.of("Europe/Paris"))
                                .toOffsetDateTime())
                .query(BigDecimal.class)
                .single();
        return sum;
    }

    @Test
    void theMonthsSpendingFollowsTheCallsOfTheMonth() {
        call(1000, 500, "0.25", null);
        long second = call(200, 100, null, null); // a model without a price: its tokens count, no euros
        call(7000, 7000, "9", "2020-01-15T10:00:00Z"); // another month

        assertThat(budget.spentThisMonth(USE_CASE)).isEqualTo(new AiBudget.Spent(1800, new BigDecimal("0.25000000")));
        assertThat(BigDecimal.valueOf(budget.spentThisMonth(USE_CASE).tokens()))
                .isEqualByComparingTo(summed("coalesce(input_tokens, 0) + coalesce(output_tokens, 0)"));

        jdbc.sql("update model_call set output_tokens = 300, cost_eur = 0.5 where id = ?")
                .param(second)
                .update();
        assertThat(budget.spentThisMonth(USE_CASE)).isEqualTo(new AiBudget.Spent(2000, new BigDecimal("0.75000000")));
        assertThat(budget.spentThisMonth(USE_CASE).euros()).isEqualByComparingTo(summed("cost_eur"));

        jdbc.sql("delete from model_call where id = ?").param(second).update();
        assertThat(budget.spentThisMonth(USE_CASE)).isEqualTo(new AiBudget.Spent(1500, new BigDecimal("0.25000000")));
        assertThat(jdbc.sql("select tokens from model_spend where use_case_key = ? and month = date '2020-01-01'")
                        .param(USE_CASE)
                        .query(Long.class)
                        .single())
                .isEqualTo(14000);
    }

    @Test
    void aUseCaseWithoutCallsHasSpentNothing() {
        assertThat(budget.spentThisMonth("never-called")).isEqualTo(new AiBudget.Spent(0, BigDecimal.ZERO));
    }
}
