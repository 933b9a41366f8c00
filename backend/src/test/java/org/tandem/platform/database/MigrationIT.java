package org.tandem.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditTrails;

/**
 * Tandem's own tables migrate from an empty database and from the previous release's schema
 * (migrations V1..V8) to the latest, whatever its number, with the data intact and the audit chains
 * still verifying. Plain Flyway on an embedded PostgreSQL: no Spring context, a few seconds.
 */
class MigrationIT {

    /** The schema of the previous release. */
    private static final String PREVIOUS_RELEASE = "8";

    /**
     * Flyway's checksums of the previous release's migrations: a database in production has them in
     * its history, and Flyway refuses to start when an applied migration's file was edited since.
     * Change a schema with a new migration, never by editing one that has shipped.
     */
    private static final Map<String, Integer> SHIPPED_CHECKSUMS = Map.of(
            "1",
            -1190012068,
            "2",
            -1654648066,
            "3",
            687718417,
            "4",
            580261311,
            "5",
            -638283387,
            "6",
            -1562479239,
            "7",
            -1930091828,
            "8",
            -1132951343);

    /** As in application.yml: the engine's tables share the schema, hence the baseline at 0. */
    private static Flyway flyway(DataSource dataSource, String target) {
        var config = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("0");
        return (target == null ? config : config.target(target)).load();
    }

    @Test
    void anEmptyDatabaseMigratesToTheLatestVersion() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            Flyway flyway = flyway(db, null);
            flyway.migrate();

            assertAtLatest(flyway);
            JdbcClient jdbc = JdbcClient.create(db);
            assertThat(tables(jdbc))
                    .contains("content_case", "draft", "audit_event", "model_call", "knowledge_passage");
            // a second start finds nothing to do
            assertThat(flyway.migrate().migrationsExecuted).isZero();
        }
    }

    @Test
    void aSchemaTheEngineCreatedFirstIsBaselinedThenMigrated() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            JdbcClient jdbc = JdbcClient.create(db);
            // Camunda may create its tables in the schema before Flyway first runs
            jdbc.sql("create table act_ge_property (name_ varchar(64) primary key, value_ varchar(300))")
                    .update();

            Flyway flyway = flyway(db, null);
            flyway.migrate();

            assertAtLatest(flyway);
            assertThat(tables(jdbc)).contains("act_ge_property", "content_case", "audit_event");
        }
    }

    @Test
    void thePreviousReleasesDataSurvivesTheMigrationToTheLatestVersion() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            JdbcClient jdbc = JdbcClient.create(db);
            Flyway previous = flyway(db, PREVIOUS_RELEASE);
            previous.migrate();
            assertThat(previous.info().current().getVersion())
                    .isEqualTo(MigrationVersion.fromVersion(PREVIOUS_RELEASE));
            assertThat(checksums(previous))
                    .as("the shipped migrations V1..V%s are unchanged", PREVIOUS_RELEASE)
                    .isEqualTo(new TreeMap<>(SHIPPED_CHECKSUMS));

            insertPreviousReleaseRows(jdbc);
            Map<String, List<String>> columns = columnsByTable(jdbc);
            Map<String, List<String>> before = snapshot(jdbc, columns);
            before.forEach((table, rows) ->
                    assertThat(rows).as("representative rows in %s", table).isNotEmpty());
            // the chains are verified by this release's code once migrated (it reads columns V50 added)
            assertThat(jdbc.sql("select count(*) from audit_event")
                            .query(Long.class)
                            .single())
                    .isEqualTo(5L);

            Flyway latest = flyway(db, null);
            latest.migrate();

            assertAtLatest(latest);
            // every row of the previous release, read through the columns it had, is unchanged
            assertThat(snapshot(jdbc, columns)).isEqualTo(before);
            AuditTrail.Summary auditAfter = AuditTrails.over(db).verifyAll();
            assertThat(auditAfter.valid())
                    .as("audit chains after migration: %s", auditAfter.broken())
                    .isTrue();
            assertThat(auditAfter.cases()).isEqualTo(2);
            assertThat(auditAfter.entries()).isEqualTo(5);
            assertThatThrownBy(() ->
                            jdbc.sql("update audit_event set actor = 'mallory'").update())
                    .hasMessageContaining("append-only");
            assertSequencesAreAhead(jdbc, columns);
        }
    }

    private static void assertAtLatest(Flyway flyway) {
        var info = flyway.info();
        assertThat(info.pending()).isEmpty();
        assertThat(Arrays.stream(info.all()).filter(m -> m.getState() == MigrationState.FAILED))
                .isEmpty();
        MigrationVersion highest = Arrays.stream(info.all())
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(info.current().getVersion()).isEqualTo(highest);
        flyway.validate();
    }

    private static Map<String, Integer> checksums(Flyway flyway) {
        return Arrays.stream(flyway.info().applied())
                .filter(m -> m.getVersion() != null && m.getChecksum() != null)
                .collect(Collectors.toMap(
                        m -> m.getVersion().getVersion(), MigrationInfo::getChecksum, (a, b) -> a, TreeMap::new));
    }

    private static List<String> tables(JdbcClient jdbc) {
        return jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_type = 'BASE TABLE'
                          and table_name <> 'flyway_schema_history'
                        order by table_name""").query(String.class).list();
    }

    private static Map<String, List<String>> columnsByTable(JdbcClient jdbc) {
        Map<String, List<String>> columns = new TreeMap<>();
        for (String table : tables(jdbc)) {
            columns.put(table, jdbc.sql("""
                            select column_name from information_schema.columns
                            where table_schema = 'public' and table_name = ? order by ordinal_position""").param(table).query(String.class).list());
        }
        return columns;
    }

    /** Each table's rows as JSON over the given columns, sorted: a column dropped or renamed fails here. */
    private static Map<String, List<String>> snapshot(JdbcClient jdbc, Map<String, List<String>> columns) {
        Map<String, List<String>> rows = new TreeMap<>();
        columns.forEach((table, cols) -> {
            String select = cols.stream().map(c -> '"' + c + '"').collect(Collectors.joining(", "));
            List<String> json = new ArrayList<>(
                    jdbc.sql("select row_to_json(r)::text from (select " + select + " from " + table + ") r")
                            .query(String.class)
                            .list());
            json.sort(null);
            rows.put(table, json);
        });
        return rows;
    }

    /** The next id a serial column hands out is above every id the previous release wrote. */
    private static void assertSequencesAreAhead(JdbcClient jdbc, Map<String, List<String>> columns) {
        columns.forEach((table, cols) -> {
            if (!cols.contains("id")) {
                return;
            }
            String sequence = jdbc.sql("select pg_get_serial_sequence(?, 'id')")
                    .param(table)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (sequence == null) {
                return;
            }
            long max = jdbc.sql("select coalesce(max(id), 0) from " + table)
                    .query(Long.class)
                    .single();
            long last = jdbc.sql("select last_value from " + sequence)
                    .query(Long.class)
                    .single();
            assertThat(last).as("%s after %s", sequence, table).isGreaterThanOrEqualTo(max);
        });
    }

    /** Rows as the previous release wrote them, in every table it had, with plain SQL. */
    private static void insertPreviousReleaseRows(JdbcClient jdbc) {
        jdbc.sql("""
                insert into member (id, first_name, last_name, birth_date, email, phone, address, city, policy_number)
                values ('M-1001', 'Jeanne', 'Martin', '1968-04-12', 'jeanne.martin@example.org', '06 00 00 00 01',
                        '1 rue de la Paix', 'Niort', 'POL-778899'),
                       ('M-1002', 'Paul', 'Durand', null, null, null, null, null, null)""").update();

        long letter = insertReturningId(jdbc, """
                insert into content_case (use_case_key, prompt_version, member_id, subject, message, status,
                    requested_by, process_instance_id, final_text, approved_by, approved_at, ai_share,
                    created_at, updated_at)
                values ('reply-letter', 'reply-letter@3', 'M-1001', 'Résiliation', 'Je souhaite résilier mon contrat.',
                    'APPROVED', 'alice', 'pi-0001', 'Madame, nous avons bien reçu…', 'marc',
                    '2026-03-02 10:00:00+01', 0.82, '2026-03-02 09:00:00+01', '2026-03-02 10:00:00+01')
                returning id""");
        long extraction = insertReturningId(jdbc, """
                insert into content_case (use_case_key, prompt_version, member_id, subject, message, status,
                    requested_by, process_instance_id, failure_reason)
                values ('statement-extraction', 'statement-extraction@1', 'M-1002', 'Relevé d''information',
                    'Relevé : bonus 0,50 depuis 2019.', 'VERIFYING', 'alice', 'pi-0002', null)
                returning id""");
        long chat = insertReturningId(jdbc, """
                insert into content_case (use_case_key, prompt_version, member_id, subject, message, status,
                    requested_by, failure_reason)
                values ('member-chatbot', 'member-chatbot@2', 'M-1001', 'Question', 'Quand suis-je remboursée ?',
                    'FAILED', 'portal', 'Le modèle ne répond pas')
                returning id""");

        long firstDraft = insertReturningId(jdbc, """
                insert into draft (case_id, external_task_id, attempt, text, producer, model, prompt_version,
                    input_tokens, output_tokens, latency_ms)
                values (?, 'et-1', 1, 'Madame, …', 'AI', 'mistral-small-latest', 'reply-letter@3', 812, 304, 2100)
                returning id""", letter);
        long secondDraft = insertReturningId(jdbc, """
                insert into draft (case_id, external_task_id, attempt, text, producer, model, prompt_version)
                values (?, 'et-2', 1, 'Madame, nous avons bien reçu…', 'OFFLINE', 'offline', 'reply-letter@3')
                returning id""", letter);
        jdbc.sql("""
                insert into case_context (case_id, prompt_version, system_prompt, user_prompt, instruction,
                    previous_draft_id)
                values (?, 'reply-letter@3', 'Tu rédiges une réponse…', 'Message : …', 'Plus court', ?)""").params(letter, firstDraft).update();
        jdbc.sql("""
                insert into content_version (case_id, version_no, draft_id, text, author, task_id, ai_share)
                values (?, 1, ?, 'Madame, nous avons bien reçu…', 'bob', 'task-7', 0.82)""").params(letter, secondDraft).update();
        jdbc.sql("""
                insert into review_decision (case_id, task_id, task_key, decision, instruction, reason, decided_by)
                values (?, 'task-5', 'review', 'REGENERATE', 'Plus court', null, 'bob'),
                       (?, 'task-9', 'approve', 'APPROVE', null, null, 'marc')""").params(letter, letter).update();
        jdbc.sql("""
                insert into case_metrics (case_id, time_to_first_draft_ms, time_to_approval_ms, regenerations,
                    edit_ratio_chars, edit_ratio_words, ai_share, accepted_without_edit, rejected, hand_drafted)
                values (?, 2100, 3600000, 1, 0.12, 0.15, 0.82, false, false, false)""").param(letter).update();
        // V6: a chatbot case discloses its AI answer, then the adviser's after the hand-off
        jdbc.sql("""
                insert into disclosure (case_id, category, label, cite_sources, marker, disclosed_text, kind)
                values (?, 'AI_ASSISTED', 'Rédigé avec une IA', false, '[IA]', 'Madame, …', 'FINAL'),
                       (?, 'AI_GENERATED', 'Réponse générée par une IA', true, '[IA]', 'Sous 48 h.', 'UNATTENDED'),
                       (?, 'HUMAN', null, false, '', 'Sous 48 h, Madame.', 'FINAL')""").params(letter, chat, chat).update();

        jdbc.sql("""
                insert into model_call (case_id, use_case_key, provider, model, prompt_version, input_tokens,
                    output_tokens, latency_ms, cost_eur, energy_wh_min, energy_wh_max, usage_kgco2e_min,
                    usage_kgco2e_max, embodied_kgco2e_min, embodied_kgco2e_max, method_version, outcome)
                values (?, 'reply-letter', 'mistral', 'mistral-small-latest', 'reply-letter@3', 812, 304, 2100,
                    0.00012345, 0.11, 0.42, 0.000006, 0.000024, 0.000001, 0.000003, '0.9.0', 'OK')""").param(letter).update();
        jdbc.sql("""
                insert into model_call (case_id, use_case_key, provider, model, latency_ms, outcome, failure_kind,
                    failure_reason)
                values (?, 'member-chatbot', 'mistral', 'mistral-small-latest', 60000, 'FAILED', 'TIMEOUT',
                    'no answer within 60 s'),
                       (null, 'knowledge-review', 'offline', 'offline', 0, 'FAILED', 'UNAVAILABLE', 'offline')""").param(chat).update();

        jdbc.sql("""
                insert into prompt_version (use_case_key, version, sha256, pre_prompt)
                values ('reply-letter', 3, ?, 'Tu rédiges une réponse courtoise…')""").param("a".repeat(64)).update();

        jdbc.sql("""
                insert into extraction_field (case_id, name, label, field_type, ai_value, source_start, source_end,
                    value, status, verified_by, verified_at, position)
                values (?, 'bonus', 'Coefficient bonus-malus', 'number', '0,50', 10, 14, '0.50', 'CORRECTED',
                        'ines', '2026-03-03 11:00:00+01', 1),
                       (?, 'since', 'Depuis', 'date', null, null, null, null, 'PENDING', null, null, 2)""").params(extraction, extraction).update();
        jdbc.sql("""
                insert into extracted_record (case_id, name, value, verified_by)
                values (?, 'bonus', '0.50', 'ines')""").param(extraction).update();

        long document = insertReturningId(jdbc, """
                insert into knowledge_document (collection, reference, title, body, owner, owner_group,
                    last_reviewed, review_interval_days, last_reviewed_by, version, updated_by)
                values ('contrats', 'KB-RESIL', 'Résilier un contrat', '# Résiliation\nLoi Hamon…', 'chloe',
                    'member-relations-experts', '2026-01-15', 180, 'chloe', 2, 'chloe')
                returning id""");
        jdbc.sql("""
                insert into knowledge_passage (document_id, ordinal, heading, text, embedding)
                values (?, 0, 'Résiliation', 'Loi Hamon : résiliation à tout moment après un an.',
                        array[0.25, -0.5, 0.125]::real[]),
                       (?, 1, null, 'Sans modèle : classée par la recherche plein texte seule.', null)""").params(document, document).update();

        // audit chains written by the previous release: its hash, computed here independently
        appendPreviousReleaseAudit(
                jdbc,
                letter,
                List.of(
                        new Entry(
                                Instant.parse("2026-03-02T08:00:00.123456Z"),
                                "alice",
                                "CASE_OPENED",
                                "{\"subject\":\"Résiliation\",\"useCase\":\"reply-letter\"}"),
                        new Entry(
                                Instant.parse("2026-03-02T08:00:02.5Z"),
                                "ai-worker",
                                "DRAFT_GENERATED",
                                "{\"attempt\":1,\"model\":\"mistral-small-latest\"}"),
                        new Entry(Instant.parse("2026-03-02T08:30:00Z"), "bob", "DRAFT_EDITED", "{\"version\":1}"),
                        new Entry(Instant.parse("2026-03-02T09:00:00.000001Z"), "marc", "CASE_APPROVED", "{}")));
        appendPreviousReleaseAudit(
                jdbc,
                extraction,
                List.of(new Entry(
                        Instant.parse("2026-03-03T10:00:00Z"), "alice", "CASE_OPENED", "{\"useCase\":\"x\"}")));
    }

    private static long insertReturningId(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private record Entry(Instant at, String actor, String type, String details) {}

    private static void appendPreviousReleaseAudit(JdbcClient jdbc, long caseId, List<Entry> entries) {
        String prev = "0".repeat(64);
        int seq = 1;
        for (Entry e : entries) {
            String hash = previousReleaseHash(caseId, seq, e.at(), e.actor(), e.type(), e.details(), prev);
            jdbc.sql("""
                            insert into audit_event (case_id, seq, occurred_at, actor, type, details, prev_hash, hash)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId, seq, e.at().atOffset(ZoneOffset.UTC), e.actor(), e.type(), e.details(), prev, hash)
                    .update();
            prev = hash;
            seq++;
        }
    }

    /**
     * The previous release's hash of an audit entry, written out here rather than borrowed from the
     * code under test: a change of the hashing that would break the chains already stored fails.
     */
    private static String previousReleaseHash(
            long caseId, int seq, Instant at, String actor, String type, String details, String prevHash) {
        String canonical = List.of(
                        Long.toString(caseId), Integer.toString(seq), at.toString(), actor, type, details, prevHash)
                .stream()
                .map(v -> v.length() + ":" + v + ";")
                .collect(Collectors.joining());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
