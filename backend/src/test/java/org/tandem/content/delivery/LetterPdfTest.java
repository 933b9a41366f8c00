package org.tandem.content.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The letter's PDF read back with PDFBox: text, label, letterhead, pages, metadata, the record inside. */
class LetterPdfTest {

    static final String IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    private static LetterPdf.Letter letter(String text, DeliverySettings.Letterhead head) {
        return new LetterPdf.Letter(
                head,
                "Mutuelle Exemple",
                List.of("Camille Martin", "12 rue des Lilas", "79000 Niort"),
                "Courrier de réponse — Remboursement",
                text,
                "Ce contenu a été préparé avec l'aide de l'IA générative, puis relu et validé par un collaborateur.",
                "AI_VALIDATED",
                IPTC,
                "ab".repeat(32),
                "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ0In0.c2ln",
                "urn:uuid:1234",
                "https://assureur.example/#/transparence",
                OffsetDateTime.parse("2026-12-04T10:15:30+01:00"));
    }

    @Test
    void theLetterCarriesItsTextLabelAddressMetadataAndRecord() throws Exception {
        String text = "Madame,\n\nVotre remboursement est validé 🚗.\n\n— Ce contenu a été préparé avec l'aide "
                + "de l'IA générative, puis relu et validé par un collaborateur.";
        byte[] pdf = LetterPdf.render(letter(
                text,
                new DeliverySettings.Letterhead(
                        "Mutuelle Exemple", List.of("1 place de la Brèche, 79000 Niort"), "Mentions légales", null)));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String read = new PDFTextStripper().getText(doc);
            assertThat(read)
                    .contains("Mutuelle Exemple")
                    .contains("1 place de la Brèche")
                    .contains("Camille Martin")
                    .contains("4 décembre 2026")
                    .contains("Votre remboursement est validé ?")
                    .contains("relu et validé par un collaborateur")
                    .contains("https://assureur.example/#/transparence")
                    .contains("urn:uuid:1234")
                    .contains("Mentions légales");
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<Iptc4xmpExt:DigitalSourceType>" + IPTC + "</Iptc4xmpExt:DigitalSourceType>");
            assertThat(doc.getDocumentInformation().getKeywords()).isEqualTo(IPTC);
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("Mutuelle Exemple");
        }
        assertThat(ProvenanceChecks.embeddedRecord(pdf)).contains("eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ0In0.c2ln");
    }

    @Test
    void aLongLetterRunsOnSeveralNumberedPagesAndALongWordIsCut() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 120; i++) {
            text.append("Paragraphe ").append(i).append(" de la lettre, assez long pour remplir une ligne entière.\n");
        }
        text.append("R".repeat(400));
        byte[] pdf = LetterPdf.render(letter(text.toString(), new DeliverySettings.Letterhead(null, null, null, null)));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            String read = new PDFTextStripper().getText(doc);
            assertThat(read).contains("Paragraphe 120").contains("page 1/" + doc.getNumberOfPages());
            assertThat(read.replaceAll("\\s", "")).contains("R".repeat(400));
        }
    }

    @Test
    void aLetterheadTemplateIsDrawnUnderEveryPage(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("entete.pdf");
        try (PDDocument head = new PDDocument()) {
            PDPage page = new PDPage();
            head.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(head, page)) {
                out.beginText();
                out.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
                out.newLineAtOffset(40, 800);
                out.showText("LOGO MUTUELLE MODELE");
                out.endText();
            }
            head.save(template.toFile());
        }
        byte[] pdf = LetterPdf.render(
                letter("Madame,\n\nBonjour.", new DeliverySettings.Letterhead("Nom imprimé", null, null, template)));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String read = new PDFTextStripper().getText(doc);
            assertThat(read).contains("LOGO MUTUELLE MODELE").doesNotContain("Nom imprimé");
        }
        assertThat(Files.exists(template)).isTrue();
    }
}
