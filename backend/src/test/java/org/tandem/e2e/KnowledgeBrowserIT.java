package org.tandem.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.knowledge.DocumentInput;
import org.tandem.knowledge.KnowledgeIngestion;
import org.tandem.knowledge.KnowledgeReviews;
import org.tandem.support.FrenchDocuments;
import org.tandem.support.TandemIntegrationTest;

/**
 * The member directory and the knowledge base through their screens in Chromium
 * (frontend/e2e/knowledge-path.mjs), at 1366×900 with axe on each: the administrator imports a
 * pilot's members from a CSV file (a bad line refused by its number) and checks the directory; the
 * adviser's picker finds an imported member; the AI referent reads a 20-page PDF and a DOCX into two
 * new documents and finds their passages with the search; owners review their stale documents from
 * the task list (confirm, retire) and from the knowledge base (update). The files are written here:
 * the PDF with PDFBox, the DOCX with POI, from French text.
 */
@TandemIntegrationTest
class KnowledgeBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeIngestion ingestion;

    @Autowired
    KnowledgeReviews reviews;

    private void stale(String reference, String title, String owner, String group) {
        ingestion.ingest(
                new DocumentInput(
                        reference,
                        "e2e-revues",
                        title,
                        "## Règle\n\nLe délai de déclaration d'un sinistre est de cinq jours ouvrés.",
                        owner,
                        group,
                        LocalDate.now().minusDays(40),
                        30),
                "rachel");
    }

    @Test
    void membersAndKnowledgeThroughTheirScreensInChromium() throws Exception {
        String run = String.valueOf(System.currentTimeMillis() % 10_000_000);
        Path dir = Files.createTempDirectory("e2e-knowledge-");
        Path pdf = Files.write(dir.resolve("guide-habitation.pdf"), FrenchDocuments.guidePdf());
        Path docx = Files.write(dir.resolve("reclamations.docx"), FrenchDocuments.complaintsDocx());
        Path csv = Files.writeString(
                dir.resolve("pilote.csv"),
                "id;firstName;lastName;birthDate;city\n"
                        + "P" + run + "-1;Gwenaëlle;Kerbrat;12/05/1983;Brest\n"
                        + "P" + run + "-2;Yannick;Kerbrat;;Morlaix\n",
                StandardCharsets.UTF_8);
        Path badCsv = Files.writeString(
                dir.resolve("pilote-faux.csv"),
                "id;firstName;lastName\nP" + run + "-3;Anne;Le Bihan\nP" + run + "-4;Loïc;\n",
                StandardCharsets.UTF_8);

        String confirmed = "E2E-REV-" + run + "-A";
        String retired = "E2E-REV-" + run + "-B";
        String updated = "E2E-REV-" + run + "-C";
        stale(confirmed, "Délais de déclaration " + run, "bob", "member-relations-experts");
        stale(retired, "Ancienne offre vélo " + run, "bob", "member-relations-experts");
        stale(updated, "Tableau de bord des sinistres " + run, "marc", "managers");
        reviews.openDueReviews();

        BrowserScenario.run(
                port,
                "knowledge-path.mjs",
                300,
                Map.of(
                        "E2E_RUN",
                        run,
                        "GUIDE_PDF",
                        pdf.toString(),
                        "COMPLAINTS_DOCX",
                        docx.toString(),
                        "MEMBERS_CSV",
                        csv.toString(),
                        "MEMBERS_BAD_CSV",
                        badCsv.toString(),
                        "REVIEW_CONFIRMED",
                        confirmed,
                        "REVIEW_RETIRED",
                        retired,
                        "REVIEW_UPDATED",
                        updated));
    }
}
