package org.tandem.quality.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.quality.QualityFlow;
import org.tandem.support.Api;
import org.tandem.support.Browser;
import org.tandem.support.TandemIntegrationTest;

/**
 * The corrections dataset of a use case, exported by an AI referent over HTTP and read back: every case of
 * the period is there with its AI draft, approved text, diff, reasons, version, model and sources, and no
 * clear identifier — neither the member's (pseudonymised as the prompts are) nor the employees'.
 */
@TandemIntegrationTest
class CorrectionsExportIT {

    /** Everything that identifies demo member M-1001, as the request writes it. */
    static final List<String> IDENTIFIERS = List.of(
            "Camille",
            "Martin",
            "camille.martin@example.org",
            "06 12 34 56 78",
            "AUTO-2024-118734",
            "M-1001",
            "12 rue des Lilas",
            "12/03/1984");

    static final String MESSAGE = "Bonjour, je suis Camille Martin (camille.martin@example.org, 06 12 34 56 78), "
            + "contrat AUTO-2024-118734, née le 12/03/1984, domiciliée 12 rue des Lilas. "
            + "Mon remboursement de 240 euros n'est pas arrivé.";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theExportReadBackHasEveryCaseAndNoClearIdentifier() throws Exception {
        Api api = new Api(mvc);
        QualityFlow flow = new QualityFlow(api);
        long accepted = flow.acceptedAndDisclosed("M-1001", "Remboursement de Camille Martin", MESSAGE);
        String edited = "Madame Martin,\n\nVotre remboursement de 240 euros a été versé le 3 mars sur votre compte. "
                + "Pour toute question : camille.martin@example.org reste l'adresse que nous utilisons.\n\nVotre conseiller";
        long corrected = flow.editedAndDisclosed(
                "M-1001",
                "Remboursement de Camille Martin (2)",
                MESSAGE,
                List.of("factual-error", "wrong-amount"),
                edited);
        // a rejected draft: the adviser writes the letter by hand, the expert approves it
        long rejected = flow.file("M-1001", "Remboursement de Camille Martin (3)", MESSAGE);
        Api.Response reject = flow.decide(
                "bob",
                flow.awaitTask("bob", rejected, "review"),
                QualityFlow.READ_MS,
                Map.of(
                        "decision",
                        "REJECT",
                        "reason",
                        "Le ton ne convient pas à Mme Martin.",
                        "reasons",
                        List.of("tone")));
        assertThat(reject.status()).as(String.valueOf(reject.body())).isEqualTo(200);
        String handTask = flow.awaitTask("alice", rejected, "handDraft");
        assertThat(api.post(
                                "alice",
                                "/api/tasks/" + handTask + "/complete",
                                Map.of(
                                        "decision",
                                        "SUBMIT",
                                        "text",
                                        "Madame Martin,\n\nNous revenons vers vous.\n\nVotre conseiller"))
                        .status())
                .isEqualTo(200);
        assertThat(flow.decide(
                                "bob",
                                flow.awaitTask("bob", rejected, "approve"),
                                QualityFlow.READ_MS,
                                Map.of("decision", "APPROVE"))
                        .status())
                .isEqualTo(200);
        flow.awaitStatus(rejected, "DISCLOSED");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String path = "/api/quality/use-cases/" + QualityFlow.USE_CASE + "/corrections?from=" + today.minusDays(1)
                + "&to=" + today.plusDays(1);
        assertThat(new Browser(port, "bob").loggedIn().get(path).statusCode()).isEqualTo(403);
        assertThat(new Browser(port, "marc").loggedIn().get(path).statusCode()).isEqualTo(403);
        HttpResponse<String> export = new Browser(port, "rachel").loggedIn().get(path);
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/jsonl");
        assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
                .contains(".jsonl");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : export.body().split("\n")) {
            lines.add(json.readTree(line));
        }
        Set<Long> exported = new HashSet<>();
        lines.forEach(l -> exported.add(l.get("caseId").asLong()));
        List<Long> disclosed = jdbc.sql("""
                        select id from content_case where use_case_key = ? and status = 'DISCLOSED'
                          and created_at >= ? and created_at < ?""")
                .params(
                        QualityFlow.USE_CASE,
                        today.minusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                        today.plusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .list();
        assertThat(exported)
                .as("every case of the period, once")
                .containsAll(disclosed)
                .hasSize(lines.size());
        assertThat(exported).contains(accepted, corrected, rejected);

        for (String identifier : IDENTIFIERS) {
            assertThat(export.body()).as("no clear identifier: " + identifier).doesNotContain(identifier);
        }
        assertThat(export.body())
                .doesNotContain("alice")
                .doesNotContain("\"bob\"")
                .doesNotContain("rachel");

        JsonNode c = lines.stream()
                .filter(l -> l.get("caseId").asLong() == corrected)
                .findFirst()
                .orElseThrow();
        assertThat(c.get("useCase").asText()).isEqualTo(QualityFlow.USE_CASE);
        assertThat(c.get("promptVersion").asText()).startsWith(QualityFlow.USE_CASE + "@v");
        assertThat(c.get("model").asText()).isEqualTo("offline-drafter");
        assertThat(c.get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(c.get("reasons").toString()).contains("factual-error").contains("wrong-amount");
        assertThat(c.get("approvedText").asText()).contains("240 euros").contains("[PERSONNE_1_NOM]");
        assertThat(c.get("editRatio").asDouble()).isBetween(0.1, 1.0);
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (JsonNode op : c.get("diff")) {
            String o = op.get("op").asText();
            if (!o.equals("+")) {
                before.append(op.get("text").asText());
            }
            if (!o.equals("-")) {
                after.append(op.get("text").asText());
            }
        }
        assertThat(before.toString())
                .as("the diff rebuilds the AI draft")
                .isEqualTo(c.get("aiDraft").asText());
        assertThat(after.toString())
                .as("and the approved text")
                .isEqualTo(c.get("approvedText").asText());

        JsonNode r = lines.stream()
                .filter(l -> l.get("caseId").asLong() == rejected)
                .findFirst()
                .orElseThrow();
        assertThat(r.get("handDrafted").asBoolean()).isTrue();
        assertThat(r.get("reasons").toString()).contains("tone");
        assertThat(r.get("decisions").get(0).get("reason").asText()).doesNotContain("Martin");

        HttpResponse<String> wrong = new Browser(port, "rachel")
                .loggedIn()
                .get("/api/quality/use-cases/" + QualityFlow.USE_CASE + "/corrections?from=2026-12-31&to=2026-01-01");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("commence après");
    }
}
