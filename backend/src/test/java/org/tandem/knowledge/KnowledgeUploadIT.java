package org.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.FrenchDocuments;
import org.tandem.support.TandemIntegrationTest;

/**
 * A 20-page French PDF and a Word document, uploaded as the knowledge screen does (read, then saved),
 * become passages that the AI step's retrieval finds; an unreadable upload is refused with its reason
 * and stores nothing.
 */
@TandemIntegrationTest
class KnowledgeUploadIT {

    static final String RUN = String.valueOf(System.nanoTime() % 100_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private JsonNode extract(String fileName, String contentType, byte[] bytes) {
        Api.Response read = api.upload("rachel", "/api/knowledge/extract", fileName, contentType, bytes);
        assertThat(read.status()).as(String.valueOf(read.body())).isEqualTo(200);
        return read.body();
    }

    private JsonNode save(String reference, String collection, JsonNode extracted) {
        Map<String, Object> document = new HashMap<>();
        document.put("reference", reference);
        document.put("collection", collection);
        document.put("title", extracted.get("title").asText());
        document.put("body", extracted.get("body").asText());
        document.put("owner", "bob");
        document.put("ownerGroup", "member-relations-experts");
        document.put("reviewIntervalDays", 365);
        Api.Response created = api.post("rachel", "/api/knowledge/documents", document);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body();
    }

    /** The best passage the search (the AI step's retrieval) finds in this run's collection. */
    private JsonNode best(String collection, String question) {
        Api.Response found = api.get(
                "alice",
                // MockMvc encodes the query itself, as a browser would
                "/api/knowledge/search?k=3&collection=" + collection + "&q=" + question);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("passages")).as(question).isNotEmpty();
        return found.body().get("passages").get(0);
    }

    @Test
    void aTwentyPageFrenchPdfBecomesPassagesThatTheRetrievalFinds() {
        JsonNode read = extract("guide-habitation.pdf", "application/pdf", FrenchDocuments.guidePdf());
        assertThat(read.get("fileName").asText()).isEqualTo("guide-habitation.pdf");
        assertThat(read.get("format").asText()).isEqualTo("PDF");
        assertThat(read.get("pages").asInt()).isEqualTo(20);
        assertThat(read.get("title").asText()).isEqualTo("Guide de l'assurance habitation");
        assertThat(read.get("passages").asInt()).isGreaterThanOrEqualTo(20);

        String reference = "T-PDF-" + RUN;
        String collection = "t-pdf-" + RUN;
        JsonNode saved = save(reference, collection, read);
        assertThat(saved.get("passages")).hasSize(read.get("passages").asInt());
        java.util.Set<String> headings = new java.util.LinkedHashSet<>();
        saved.get("passages").forEach(p -> headings.add(p.get("heading").asText()));
        assertThat(headings).hasSize(20).contains("Article 5 : Vélo à assistance électrique");

        JsonNode bike = best(collection, "Le vol d'un vélo électrique est-il remboursé ?");
        assertThat(bike.get("reference").asText()).isEqualTo(reference);
        assertThat(bike.get("heading").asText()).isEqualTo("Article 5 : Vélo à assistance électrique");
        JsonNode jewels = best(collection, "Faut-il un coffre-fort pour assurer des bijoux ?");
        assertThat(jewels.get("heading").asText()).isEqualTo("Article 13 : Objets de valeur");
        JsonNode solar = best(collection, "panneaux photovoltaïques sur le toit");
        assertThat(solar.get("heading").asText()).isEqualTo("Article 7 : Panneaux photovoltaïques");
    }

    @Test
    void aWordDocumentBecomesPassagesThatTheRetrievalFinds() {
        JsonNode read = extract(
                "reclamations.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                FrenchDocuments.complaintsDocx());
        assertThat(read.get("format").asText()).isEqualTo("DOCX");
        assertThat(read.get("pages").isNull()).isTrue();
        assertThat(read.get("title").asText()).isEqualTo("Procédure de gestion des réclamations");

        String reference = "T-DOCX-" + RUN;
        String collection = "t-docx-" + RUN;
        save(reference, collection, read);
        JsonNode delay = best(collection, "Sous quel délai répondre à une réclamation ?");
        assertThat(delay.get("reference").asText()).isEqualTo(reference);
        assertThat(delay.get("heading").asText()).isEqualTo("Répondre dans les délais");
        assertThat(best(collection, "saisir le médiateur gratuitement")
                        .get("heading")
                        .asText())
                .isEqualTo("Orienter vers la médiation");
    }

    private long stored() {
        return jdbc.sql("select (select count(*) from knowledge_document) + (select count(*) from knowledge_passage)")
                .query(Long.class)
                .single();
    }

    @Test
    void anUnreadableUploadIsRefusedWithItsReasonAndNothingIsStored() {
        long before = stored();
        Api.Response notPdf = api.upload(
                "rachel",
                "/api/knowledge/extract",
                "guide.pdf",
                "application/pdf",
                "pas un PDF".getBytes(StandardCharsets.UTF_8));
        assertThat(notPdf.status()).isEqualTo(400);
        assertThat(notPdf.body().get("message").asText())
                .isEqualTo("« guide.pdf » n'a pas pu être lu : Ce fichier n'est ni un PDF ni un document Word (.docx) :"
                        + " Tandem ne lit que ces deux formats.");
        assertThat(notPdf.body().get("fieldErrors").get("file").asText())
                .isEqualTo(notPdf.body().get("message").asText());

        Api.Response scan = api.upload(
                "rachel",
                "/api/knowledge/extract",
                "scan.pdf",
                "application/pdf",
                "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII));
        assertThat(scan.status()).isEqualTo(400);
        assertThat(scan.body().get("message").asText()).startsWith("« scan.pdf » n'a pas pu être lu : Le PDF ");

        Api.Response empty =
                api.upload("rachel", "/api/knowledge/extract", "vide.docx", "application/octet-stream", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("message").asText()).isEqualTo("Choisissez le fichier PDF ou Word (.docx) à lire.");

        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void anyEmployeeMayReadAFileButNotTheServiceAccount() {
        byte[] docx = FrenchDocuments.complaintsDocx();
        for (String user : java.util.List.of("bob", "marc", "alice", "admin")) {
            assertThat(api.upload(user, "/api/knowledge/extract", "r.docx", "application/octet-stream", docx)
                            .status())
                    .as(user)
                    .isEqualTo(200);
        }
        assertThat(api.upload("portal", "/api/knowledge/extract", "r.docx", "application/octet-stream", docx)
                        .status())
                .isEqualTo(403);
    }
}
