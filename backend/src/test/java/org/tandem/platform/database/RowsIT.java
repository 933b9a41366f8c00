package org.tandem.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.support.TandemIntegrationTest;

/**
 * {@link Rows} maps what Spring's record mapper maps, to the same values, on PostgreSQL's own types: names as they
 * are or in snake_case, nulls, primitives, enums, dates, decimals, an Optional; columns in another order or extra
 * ones through the same mapper; and it fails where Spring's fails (a missing column, a null for a primitive).
 */
@TandemIntegrationTest
class RowsIT {

    enum Colour {
        RED,
        BLUE
    }

    record Sample(
            long id,
            Long missing,
            int count,
            Integer maybe,
            String useCaseKey,
            Colour colour,
            OffsetDateTime createdAt,
            LocalDate dueOn,
            BigDecimal costEur,
            boolean killed,
            double share,
            Optional<String> note,
            Optional<String> absentNote) {}

    record Small(String useCaseKey, long id) {}

    static final String SAMPLE = """
            select 7 as id, cast(null as bigint) as missing, 3 as count, cast(null as integer) as maybe,
                   'reply-letter' as use_case_key, 'BLUE' as colour,
                   timestamptz '2026-12-07 02:30:00+00' as created_at, date '2026-12-24' as due_on,
                   12.3456 as cost_eur, true as killed, 0.75 as share, 'hello' as note,
                   cast(null as text) as absent_note
            union all
            select 8, 9, 4, 5, 'chat', 'RED', timestamptz '2026-01-01 00:00:00+01', null, null, false, 1, null, 'x'
            """;

    @Autowired
    JdbcClient jdbc;

    @Test
    void mapsWhatSpringsMapperMapsToTheSameValues() {
        List<Sample> ours = jdbc.sql(SAMPLE).query(Rows.of(Sample.class)).list();
        List<Sample> springs = jdbc.sql(SAMPLE)
                .query(new SimplePropertyRowMapper<>(Sample.class))
                .list();

        assertThat(ours).hasSize(2).isEqualTo(springs);
        assertThat(ours.get(0).missing()).isNull();
        assertThat(ours.get(0).colour()).isEqualTo(Colour.BLUE);
        assertThat(ours.get(0).note()).contains("hello");
        assertThat(ours.get(0).absentNote()).isEmpty();
        assertThat(ours.get(1).maybe()).isEqualTo(5);
        assertThat(ours.get(1).createdAt().toInstant())
                .isEqualTo(OffsetDateTime.parse("2025-12-31T23:00:00Z").toInstant());
    }

    @Test
    void findsItsColumnsAgainWhenAnotherQueryOrdersThemOtherwise() {
        // names as they are (case ignored) or in snake_case, in any order, extra columns left aside
        assertThat(jdbc.sql("select 1 as id, 'a' as use_case_key")
                        .query(Rows.of(Small.class))
                        .single())
                .isEqualTo(new Small("a", 1));
        assertThat(jdbc.sql("select 'x' as other, 'b' as \"useCaseKey\", 2 as ID")
                        .query(Rows.of(Small.class))
                        .single())
                .isEqualTo(new Small("b", 2));
        assertThat(jdbc.sql("select 3 as id, 'c' as use_case_key")
                        .query(Rows.of(Small.class))
                        .single())
                .isEqualTo(new Small("c", 3));
    }

    @Test
    void failsWhereSpringsMapperFails() {
        assertThatThrownBy(() ->
                        jdbc.sql("select 1 as id").query(Rows.of(Small.class)).single())
                .isInstanceOf(BadSqlGrammarException.class)
                .rootCause()
                .hasMessageContaining("use_case_key");
        assertThatThrownBy(() -> jdbc.sql("select 1 as id")
                        .query(new SimplePropertyRowMapper<>(Small.class))
                        .single())
                .isInstanceOf(BadSqlGrammarException.class);
        String nullId = "select 'a' as use_case_key, cast(null as bigint) as id";
        assertThatThrownBy(() -> jdbc.sql(nullId).query(Rows.of(Small.class)).single())
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> jdbc.sql(nullId)
                        .query(new SimplePropertyRowMapper<>(Small.class))
                        .single())
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> Rows.of(String.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
