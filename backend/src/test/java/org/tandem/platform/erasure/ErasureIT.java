package org.tandem.platform.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.governance.lifecycle.CaseSample;
import org.tandem.governance.lifecycle.KpiRepository;
import org.tandem.members.Member;
import org.tandem.members.MemberRepository;
import org.tandem.support.Api;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/**
 * Erasure on request (issue 16), through the API: a member's cases are filed (two letters, one disclosed
 * after a regeneration with an instruction and an edit, one left in review, and a chatbot conversation),
 * commented, then the data protection officer erases the member's data in one action with its reason.
 * Afterwards no table — Tandem's or the engine's, history included — holds any of the member's or the
 * messages' identifiers, the KPI figures are the same, and every audit chain verifies, and fails once
 * an erased entry is tampered with.
 */
@TandemIntegrationTest
class ErasureIT {

    static final String MEMBER = "M-9160";
    static final Member OMBELINE = new Member(
            MEMBER,
            "Ombeline",
            "Kerjean",
            LocalDate.of(1983, 7, 21),
            "ombeline.kerjean@example.net",
            "06 71 42 93 58",
            "23 rue des Capucines",
            "Poitiers",
            "HAB-2017-630418");

    /** Everything personal that the cases below write somewhere: none may survive the erasure. */
    static final List<String> IDENTIFIERS = List.of(
            "Ombeline",
            "Kerjean",
            "ombeline.kerjean@example.net",
            "06 71 42 93 58",
            "0671429358",
            "Capucines",
            "HAB-2017-630418",
            "1983-07-21",
            "21/07/1983",
            "Anatole",
            "Brisebois",
            "FR76 3584 3091 0112 2066 5438 248",
            "GK-318-TZ",
            "2 83 07 86 194 272 44");

    static final String LETTER = """
            Bonjour,
            Mon voisin Anatole Brisebois m'a signalé une fuite qui vient de chez moi, au 23 rue des Capucines.
            Merci de rembourser la recherche de fuite sur mon compte FR76 3584 3091 0112 2066 5438 248.
            Mon contrat : HAB-2017-630418. Je suis née le 21/07/1983.
            Cordialement,
            Ombeline Kerjean, 06 71 42 93 58, ombeline.kerjean@example.net""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberRepository members;

    @Autowired
    KpiRepository kpis;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        members.insertIfAbsent(OMBELINE);
    }

    @Test
    void theOfficerErasesAMembersDataEverywhereTheKpisStayAndTheAuditKeepsVerifying() {
        long disclosed = file("Fuite chez le voisin", LETTER);
        long open = file("Attestation", "Bonjour, Ombeline Kerjean (HAB-2017-630418) : il me faut une attestation.");
        Api.Response chat = api.post(
                "portal",
                "/api/chat",
                Map.of(
                        "memberId",
                        MEMBER,
                        "question",
                        "Bonjour, c'est Ombeline Kerjean, ma voiture GK-318-TZ a été rayée. "
                                + "Mon numéro de sécurité sociale : 2 83 07 86 194 272 44."));
        assertThat(chat.status()).as(chat.body().toString()).isEqualTo(202);
        long conversation = chat.body().get("id").asLong();

        // the letter is commented, regenerated with an instruction, edited, approved and disclosed
        String review = reviewTask(disclosed);
        assertThat(api.post(
                                "bob",
                                "/api/tasks/" + review + "/comments",
                                Map.of(
                                        "message",
                                        "Appelé Mme Kerjean au 06 71 42 93 58 ; le voisin Anatole Brisebois est injoignable."))
                        .status())
                .isEqualTo(201);
        complete(review, Map.of("decision", "REGENERATE", "instruction", "Citer le voisin, Anatole Brisebois."));
        String again = reviewTask(disclosed);
        complete(again, Map.of("decision", "EDIT"));
        String edit = task(disclosed, "bob");
        complete(
                edit,
                Map.of(
                        "decision",
                        "SUBMIT",
                        "text",
                        "Madame Kerjean,\n\nNous prenons en charge la recherche de fuite signalée par M. Anatole "
                                + "Brisebois au 23 rue des Capucines ; le remboursement sera versé sur votre compte "
                                + "FR76 3584 3091 0112 2066 5438 248.\n\nNous vous prions d'agréer nos salutations "
                                + "distinguées.\n\nVotre conseiller"));
        String approve = task(disclosed, "bob");
        assertThat(api.post("bob", "/api/tasks/" + approve + "/viewed", Map.of("timeSpentMs", 6000))
                        .status())
                .isEqualTo(200);
        complete(approve, Map.of("decision", "APPROVE"));
        awaitStatus(disclosed, "DISCLOSED");
        reviewTask(open);

        Set<Long> cases = Set.of(disclosed, open, conversation);
        assertThat(occurrences(IDENTIFIERS))
                .as("the identifiers are stored before the erasure")
                .isNotEmpty();
        List<CaseSample> kpisBefore = samples(disclosed);
        List<Map<String, Object>> figuresBefore = figures(cases);
        assertThat(kpisBefore).hasSize(1);

        // the officer checks what will go, then erases in one action with a reason
        Api.Response preview = api.get("dora", "/api/privacy/erasures/preview?memberId=" + MEMBER);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().get("cases").asInt()).isEqualTo(3);
        assertThat(preview.body().get("openCases").asInt()).isEqualTo(2);
        assertThat(preview.body().get("kept")).hasSize(KeptByLaw.ITEMS.size());
        Api.Response refused = api.post(
                "dora", "/api/privacy/erasures", Map.of("memberId", MEMBER, "reason", "Demande de Ombeline Kerjean"));
        assertThat(refused.status())
                .as("a reason naming the member would keep what is erased")
                .isEqualTo(400);
        assertThat(refused.body().toString()).contains("aucune donnée personnelle");
        assertThat(api.post("alice", "/api/privacy/erasures", Map.of("memberId", MEMBER, "reason", "Demande du 2 mars"))
                        .status())
                .isEqualTo(403);

        Api.Response erased = api.post(
                "dora",
                "/api/privacy/erasures",
                Map.of(
                        "memberId",
                        MEMBER,
                        "reason",
                        "Demande d'effacement art. 17 reçue le 2 mars, réf. DPO-2026-014"));
        assertThat(erased.status()).as(erased.body().toString()).isEqualTo(201);
        assertThat(erased.body().get("kind").asText()).isEqualTo("REQUEST");
        assertThat(erased.body().get("requestedBy").asText()).isEqualTo("dora");
        assertThat(erased.body().get("caseIds")).hasSize(3);
        assertThat(erased.body().get("counts").get("content").asInt()).isPositive();
        assertThat(erased.body().get("counts").get("task list").asInt()).isPositive();
        assertThat(erased.body().get("counts").get("members").asInt()).isEqualTo(1);
        assertThat(erased.body().get("counts").get("audit trail").asInt()).isPositive();

        // nothing of the member or of what the messages said anywhere, the engine's history included
        assertThat(occurrences(IDENTIFIERS))
                .as("identifiers left after the erasure")
                .isEmpty();
        assertThat(occurrences(List.of(MEMBER)))
                .as("the member's number is kept only in the erasure's record")
                .containsOnly("erasure.member_id");
        assertThat(api.get("alice", "/api/members?q=Kerjean").body()).isEmpty();
        // the letter's PDF is compressed: its bytes are checked apart from the text columns above
        assertThat(jdbc.sql(
                                "select count(*) from delivery where case_id = ? and (document is not null or last_error is not null)")
                        .param(disclosed)
                        .query(Long.class)
                        .single())
                .as("the letter as sent is erased; the delivery's facts stay")
                .isZero();
        assertThat(jdbc.sql("select count(*) from delivery where case_id = ?")
                        .param(disclosed)
                        .query(Long.class)
                        .single())
                .isOne();
        JsonNode view = api.get("alice", "/api/cases/" + disclosed).body();
        assertThat(view.get("subject").asText()).isEqualTo("[données effacées]");
        assertThat(view.get("status").asText()).isEqualTo("DISCLOSED");
        assertThat(api.get("alice", "/api/cases/" + open).body().get("status").asText())
                .as("an open case is withdrawn")
                .isEqualTo("WITHDRAWN");
        assertThat(api.get("bob", "/api/tasks").body().get("items").findValues("caseId"))
                .extracting(JsonNode::asLong)
                .doesNotContain(open, conversation);

        // the KPIs read the same figures
        assertThat(samples(disclosed)).isEqualTo(kpisBefore);
        assertThat(figures(cases)).isEqualTo(figuresBefore);

        // the audit: every chain verifies, the erased entries too; the erasure is in each case's chain
        JsonNode verify = api.get("dora", "/api/audit/verify").body();
        assertThat(verify.get("broken")).as(verify.toString()).isEmpty();
        assertThat(verify.get("erasedEntries").asInt()).isPositive();
        assertThat(jdbc.sql("select type from audit_event where case_id = ? order by seq desc limit 1")
                        .param(disclosed)
                        .query(String.class)
                        .single())
                .isEqualTo("ERASED");
        assertThatThrownBy(() -> jdbc.sql("update audit_event set personal = '{\"text\":\"retour\"}' where case_id = ?")
                        .param(disclosed)
                        .update())
                .as("nothing can be put back, nor anything else changed")
                .hasMessageContaining("append-only");

        // someone who can switch the guard off rewrites an erased entry: the verification shows it
        int seq = jdbc.sql("select min(seq) from audit_event where case_id = ? and erased_at is not null")
                .param(disclosed)
                .query(Integer.class)
                .single();
        String actor = jdbc.sql("select actor from audit_event where case_id = ? and seq = ?")
                .params(disclosed, seq)
                .query(String.class)
                .single();
        tamper("update audit_event set actor = 'mallory' where case_id = " + disclosed + " and seq = " + seq);
        try {
            JsonNode broken = api.get("dora", "/api/audit/verify").body();
            assertThat(broken.get("broken")).hasSize(1);
            assertThat(broken.get("broken").get(0).get("caseId").asLong()).isEqualTo(disclosed);
            assertThat(broken.get("broken").get(0).get("firstBrokenSeq").asInt())
                    .isEqualTo(seq);
        } finally {
            tamper("update audit_event set actor = '" + actor + "' where case_id = " + disclosed + " and seq = " + seq);
        }
        assertThat(api.get("dora", "/api/audit/verify").body().get("broken")).isEmpty();

        // the record of the erasure, as the officer lists it
        JsonNode list = api.get("dora", "/api/privacy/erasures").body();
        // other erasures (the nightly retention of other tests' cases) may have come since, in this shared database
        assertThat(list.get("erasures").findValuesAsText("reason"))
                .anySatisfy(reason -> assertThat(reason).contains("DPO-2026-014"));
        assertThat(list.get("keptByLaw")).hasSize(KeptByLaw.ITEMS.size());
        assertThat(api.post("dora", "/api/privacy/erasures", Map.of("memberId", MEMBER, "reason", "Deuxième demande"))
                        .status())
                .as("nothing left to erase")
                .isEqualTo(404);
    }

    private long file(String subject, String message) {
        Api.Response created = api.post(
                "alice",
                "/api/cases",
                Map.of("useCaseKey", "reply-letter", "memberId", MEMBER, "subject", subject, "message", message));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private String reviewTask(long caseId) {
        awaitStatus(caseId, "IN_REVIEW");
        return task(caseId, "bob");
    }

    private void awaitStatus(long caseId, String status) {
        Eventually.await(
                "case " + caseId + " " + status,
                Duration.ofSeconds(60),
                () -> status.equals(api.get("alice", "/api/cases/" + caseId)
                        .body()
                        .get("status")
                        .asText()));
    }

    private String task(long caseId, String user) {
        return Eventually.await("a task of case " + caseId, Duration.ofSeconds(30), () -> {
            for (JsonNode t : api.get(user, "/api/tasks?scope=all").body().get("items")) {
                if (t.get("caseId").asLong() == caseId) {
                    return t.get("id").asText();
                }
            }
            return null;
        });
    }

    private void complete(String taskId, Map<String, Object> decision) {
        Api.Response done = api.post("bob", "/api/tasks/" + taskId + "/complete", decision);
        assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
    }

    private List<CaseSample> samples(long caseId) {
        String entity = jdbc.sql("select entity_code from content_case where id = ?")
                .param(caseId)
                .query(String.class)
                .single();
        return kpis
                .samples(
                        "reply-letter",
                        Set.of(entity == null ? "" : entity),
                        OffsetDateTime.parse("2000-01-01T00:00:00Z"))
                .stream()
                .filter(s -> s.caseId() == caseId)
                .toList();
    }

    /** What the KPIs and the footprint read, case by case: measures, AI share, label, model calls. */
    private List<Map<String, Object>> figures(Set<Long> cases) {
        return jdbc.sql("""
                        select c.id, c.use_case_key, c.ai_share, c.approved_by, c.approved_at, c.created_at, c.entity_code,
                               m.time_to_first_draft_ms, m.time_to_approval_ms, m.regenerations, m.edit_ratio_chars,
                               m.edit_ratio_words, m.accepted_without_edit, m.rejected, m.hand_drafted,
                               d.category, d.label, d.marker, d.disclosed_at,
                               (select count(*) from draft where case_id = c.id) as drafts,
                               (select count(*) from content_version where case_id = c.id) as versions,
                               (select string_agg(decision, ',' order by id) from review_decision where case_id = c.id) as decisions,
                               (select coalesce(sum(input_tokens), 0) || '/' || coalesce(sum(output_tokens), 0) || '/'
                                       || coalesce(sum(cost_eur), 0) || '/' || coalesce(sum(energy_wh_max), 0)
                                from model_call where case_id = c.id) as footprint
                        from content_case c
                        left join case_metrics m on m.case_id = c.id
                        left join disclosure d on d.case_id = c.id
                        where c.id in (:ids) order by c.id""").param("ids", cases).query().listOfRows();
    }

    /** Every text, JSON and binary column of every table where one of the values occurs: "table.column". */
    private List<String> occurrences(List<String> values) {
        List<Map<String, Object>> columns = jdbc.sql("""
                        select c.table_name, c.column_name, c.data_type from information_schema.columns c
                        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                          and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'bytea', 'ARRAY')
                        order by c.table_name, c.column_name""").query().listOfRows();
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String type = (String) column.get("data_type");
            for (String value : values) {
                // binary columns (the engine's byte arrays, sessions) as bytes, in the value's own case or lower case
                String where = type.equals("bytea")
                        ? "position(convert_to(cast(? as text), 'UTF8') in " + name
                                + ") > 0 or position(convert_to(lower(cast(? as text)), 'UTF8') in " + name + ") > 0"
                        : "position(lower(cast(? as text)) in lower(cast(" + name + " as text))) > 0 or ? = ''";
                long rows = jdbc.sql("select count(*) from " + table + " where " + where)
                        .params(value, value)
                        .query(Long.class)
                        .single();
                if (rows > 0) {
                    found.add(table + "." + name);
                }
            }
        }
        return found.stream().distinct().collect(Collectors.toList());
    }

    /** A change of the trail made with the guard switched off, committed (as someone with the rights would). */
    private void tamper(String update) {
        jdbc.sql("alter table audit_event disable trigger audit_event_append_only")
                .update();
        try {
            jdbc.sql(update).update();
        } finally {
            jdbc.sql("alter table audit_event enable trigger audit_event_append_only")
                    .update();
        }
    }
}
