package org.tandem.knowledge.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.tandem.support.FrenchDocuments;

/** PDF and DOCX files as an insurer's tools write them, read into Markdown; and each kind of unreadable file refused. */
class DocumentFilesTest {

    @Test
    void aTwentyPageFrenchPdfKeepsItsTitleItsArticlesAsSectionsAndDropsPageNumbersAndTheRunningFooter() {
        ExtractedText text = DocumentFiles.read(FrenchDocuments.guidePdf());

        assertThat(text.format()).isEqualTo(ExtractedText.Format.PDF);
        assertThat(text.pages()).isEqualTo(20);
        assertThat(text.title()).isEqualTo("Guide de l'assurance habitation");
        String md = text.markdown();
        assertThat(md).startsWith("# Guide de l'assurance habitation\n\n## Article 1 : Déclarer un sinistre\n\n");
        assertThat(md.lines().filter(l -> l.startsWith("## ")).count()).isEqualTo(20);
        assertThat(md)
                .contains("## Article 5 : Vélo à assistance électrique\n\nLe vélo à assistance électrique est garanti"
                        + " contre le vol jusqu'à")
                .contains("## Article 13 : Objets de valeur")
                .contains("Les bijoux et œuvres d'art sont garantis")
                .doesNotContain("Page 3 / 20")
                .doesNotContain("Mutuelle Tandem - Guide");
        assertThat(md.lines().filter(l -> l.startsWith("# ")).count()).isEqualTo(1);
        // no line of text is lost, even those the pages repeat
        String flat = md.replace('\n', ' ');
        for (int i = 0; i < FrenchDocuments.GUIDE.size(); i++) {
            for (String paragraph : FrenchDocuments.paragraphs(FrenchDocuments.GUIDE.get(i), i)) {
                assertThat(flat).contains(paragraph);
            }
        }
    }

    @Test
    void aWordDocumentKeepsItsStylesHeadingsListItemsAndTableRows() {
        ExtractedText text = DocumentFiles.read(FrenchDocuments.complaintsDocx());

        assertThat(text.format()).isEqualTo(ExtractedText.Format.DOCX);
        assertThat(text.pages()).isNull();
        assertThat(text.title()).isEqualTo("Procédure de gestion des réclamations");
        assertThat(text.markdown())
                .startsWith("# Procédure de gestion des réclamations\n\n## Recevoir la réclamation\n\nToute"
                        + " réclamation écrite")
                .contains(
                        "\n\n### Les canaux de réception\n\n- le courrier postal adressé au siège de la mutuelle ;\n\n"
                                + "- le formulaire de l'espace sociétaire en ligne ;")
                .contains(
                        "\n\nÉtape | Délai\n\nAccusé de réception | dix jours ouvrables\n\nRéponse motivée | deux mois")
                .contains("## Orienter vers la médiation\n\nSi la réponse ne satisfait pas le sociétaire");
    }

    private static String refusal(byte[] bytes) {
        try {
            DocumentFiles.read(bytes);
        } catch (UnreadableFile e) {
            return e.getMessage();
        }
        throw new AssertionError("read");
    }

    @Test
    void otherFormatsAreRefusedWithTheirReason() {
        assertThat(refusal(new byte[0])).isEqualTo("Le fichier est vide.");
        assertThat(refusal("Bonjour, ceci est un texte.".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Ce fichier n'est ni un PDF ni un document Word (.docx) : Tandem ne lit que ces deux"
                        + " formats.");
        byte[] doc = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, 0, doc, 0, 4);
        assertThat(refusal(doc)).startsWith("Le fichier est un document Word 97-2003 (.doc)");
    }

    @Test
    void aProtectedScannedOrDamagedPdfIsRefusedWithItsReason() throws IOException {
        assertThat(refusal(encryptedPdf()))
                .isEqualTo("Le PDF est protégé par un mot de passe : enregistrez-en une copie sans mot de passe.");
        assertThat(refusal(pdfWithoutText()))
                .startsWith("Le PDF ne contient pas de texte lisible (un document numérisé ?)");
        byte[] damaged = ("%PDF-1.7\n" + "x".repeat(300)).getBytes(StandardCharsets.US_ASCII);
        assertThat(refusal(damaged)).startsWith("Le PDF ");
    }

    @Test
    void aDamagedOrHostileDocxIsRefusedNeverRead() throws IOException {
        assertThat(refusal(zip("notes.txt", "bonjour".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("Ce fichier zip n'est pas un document Word (.docx) : il n'a pas de word/document.xml.");
        byte[] truncated = Arrays.copyOf(FrenchDocuments.complaintsDocx(), 300);
        assertThat(refusal(truncated)).startsWith("Le document Word ");
        // 41 MB of text squeezed into a few kilobytes
        byte[] huge = new byte[41 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        byte[] bomb = zip("word/document.xml", huge);
        assertThat(bomb.length).isLessThan(200_000);
        assertThat(refusal(bomb)).startsWith("Le document Word est anormalement volumineux une fois décompressé");
        // an external entity must never be resolved
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>"
                + "<w:document xmlns:w=\"" + DocxText.W + "\"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p>"
                + "</w:body></w:document>";
        assertThat(refusal(zip("word/document.xml", xxe.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("Le document Word est endommagé : son contenu n'a pas pu être lu.");
    }

    @Test
    void aTextLongerThanADocumentIsRefused() throws IOException {
        String paragraph = "<w:p><w:r><w:t>" + "mot ".repeat(1_000) + "</w:t></w:r></w:p>";
        String xml =
                "<w:document xmlns:w=\"" + DocxText.W + "\"><w:body>" + paragraph.repeat(60) + "</w:body></w:document>";
        assertThat(refusal(zip("word/document.xml", xml.getBytes(StandardCharsets.UTF_8))))
                .startsWith("Le texte du fichier (")
                .endsWith("dépasse les 200 000 caractères d'un document : découpez-le en plusieurs documents.");
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] encryptedPdf() throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("proprietaire", "lecteur", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] pdfWithoutText() throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.addRect(50, 50, 400, 600);
                content.fill();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
