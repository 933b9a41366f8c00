package org.tandem.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Real French documents for the knowledge tests, written by the libraries an insurer's office tools
 * stand for: a 20-page guide as a PDF (Apache PDFBox: a title, one article a page in a larger font,
 * a running footer and page numbers) and a DOCX (Apache POI: Word's French styles « Titre » and
 * « Titre 1 », a bulleted list and a table). Each article holds words found nowhere else, so a search
 * must find its own page.
 */
public final class FrenchDocuments {

    /** One article of the guide: its title and what only it says. */
    public record Article(String title, List<String> sentences) {}

    public static final List<Article> GUIDE = List.of(
            article(
                    "Déclarer un sinistre",
                    "Le sociétaire déclare le sinistre dans les cinq jours ouvrés qui suivent sa" + " découverte.",
                    "La déclaration se fait en agence, par téléphone ou dans l'espace en ligne."),
            article(
                    "Dégât des eaux",
                    "Une fuite de canalisation encastrée est prise en charge après recherche de fuite.",
                    "Le constat amiable de dégât des eaux est signé avec le voisin concerné."),
            article(
                    "Incendie et explosion",
                    "Les dommages causés par la fumée sont indemnisés comme ceux de l'incendie.",
                    "Le détecteur de fumée doit être installé et entretenu par l'occupant."),
            article(
                    "Vol et vandalisme",
                    "Le vol n'est garanti qu'en cas d'effraction constatée des portes ou fenêtres.",
                    "Le dépôt de plainte auprès de la gendarmerie est joint à la déclaration."),
            article(
                    "Vélo à assistance électrique",
                    "Le vélo à assistance électrique est garanti contre le vol jusqu'à" + " trois mille euros.",
                    "Il doit être attaché à un point fixe avec un antivol homologué."),
            article(
                    "Piscine enterrée",
                    "La piscine enterrée est couverte avec son local technique et sa bâche.",
                    "La pompe de filtration est garantie contre les dommages électriques."),
            article(
                    "Panneaux photovoltaïques",
                    "Les panneaux photovoltaïques posés sur le toit sont assurés comme le" + " bâtiment.",
                    "La perte de revente d'électricité est indemnisée pendant six mois."),
            article(
                    "Catastrophe naturelle",
                    "La garantie joue après publication de l'arrêté interministériel au Journal" + " officiel.",
                    "La franchise légale de la catastrophe naturelle reste à la charge du sociétaire."),
            article(
                    "Tempête, grêle et neige",
                    "Les dommages de tempête sont garantis quand le vent dépasse cent" + " kilomètres à l'heure.",
                    "Le poids de la neige sur la toiture est couvert par la même garantie."),
            article(
                    "Bris de glace",
                    "Les vitres, vérandas et plaques de cuisson vitrocéramiques sont couvertes.",
                    "Le remplacement se fait sans franchise quand le sociétaire passe par un réparateur agréé."),
            article(
                    "Responsabilité civile",
                    "La responsabilité civile couvre les dommages causés aux voisins par les" + " enfants mineurs.",
                    "Les dommages causés par un animal domestique sont également garantis."),
            article(
                    "Assistance au domicile",
                    "Un serrurier intervient en urgence après la perte des clés, jour et nuit.",
                    "L'hébergement provisoire est pris en charge pendant cinq nuits d'hôtel."),
            article(
                    "Objets de valeur",
                    "Les bijoux et œuvres d'art sont garantis au-delà de six mille euros sur" + " justificatif.",
                    "Un coffre-fort scellé est exigé pour les bijoux de plus de quinze mille euros."),
            article(
                    "Cave et dépendances",
                    "Les biens entreposés dans une cave inondée sont indemnisés s'ils sont posés"
                            + " sur des étagères.",
                    "Le garage attenant est couvert comme la maison."),
            article(
                    "Jardin et arbres",
                    "Les arbres arrachés par la tempête sont remplacés dans la limite de mille euros.",
                    "Le dessouchage et l'évacuation des branches sont pris en charge."),
            article(
                    "Appareils électriques",
                    "Les appareils électroménagers grillés par la foudre sont remboursés en"
                            + " valeur à neuf pendant deux ans.",
                    "Une surtension du réseau électrique est traitée de la même" + " façon."),
            article(
                    "Locataire et propriétaire",
                    "Le locataire répond envers le propriétaire des dommages d'incendie et" + " de dégât des eaux.",
                    "Le propriétaire non occupant souscrit sa propre garantie."),
            article(
                    "Résiliation du contrat",
                    "Le sociétaire peut résilier à tout moment après la première année grâce à" + " la loi Hamon.",
                    "La résiliation prend effet un mois après la réception de la demande."),
            article(
                    "Expertise et indemnisation",
                    "L'expert mandaté par la mutuelle prend rendez-vous sous dix jours.",
                    "Le sociétaire peut se faire assister par son propre expert à ses frais."),
            article(
                    "Réclamation et médiation",
                    "Une réclamation reçoit une réponse écrite sous deux mois.",
                    "Le médiateur de l'assurance peut être saisi gratuitement après cette réponse."));

    private static final List<String> FILLER = List.of(
            "Les montants indiqués s'entendent par sinistre et par année d'assurance.",
            "Les conditions particulières du contrat précisent les garanties souscrites par chaque sociétaire.",
            "Le conseiller de l'agence reste l'interlocuteur du sociétaire pour toute question.",
            "Les exclusions communes à toutes les garanties figurent dans les conditions générales.",
            "La mutuelle applique ces règles avec bienveillance et examine chaque situation particulière.",
            "Une attestation peut être demandée à tout moment dans l'espace en ligne.",
            "Les justificatifs sont conservés par le sociétaire pendant toute la durée du contrat.");

    private FrenchDocuments() {}

    private static Article article(String title, String... sentences) {
        return new Article(title, List.of(sentences));
    }

    /** The words of an article's page: what only it says, amid the common rules (about 300 words). */
    public static List<String> paragraphs(Article article, int index) {
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            StringBuilder text = new StringBuilder(
                    article.sentences().get(p % article.sentences().size()));
            for (int f = 0; f < 5; f++) {
                text.append(' ').append(FILLER.get((index + p + f) % FILLER.size()));
            }
            paragraphs.add(text.toString());
        }
        return paragraphs;
    }

    /** « Guide de l'assurance habitation »: a title page line, then one article per page, 20 pages. */
    public static byte[] guidePdf() {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Guide de l'assurance habitation");
            document.setDocumentInformation(info);
            for (int i = 0; i < GUIDE.size(); i++) {
                Article article = GUIDE.get(i);
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = 780;
                    if (i == 0) {
                        y = line(content, bold, 22, 50, y, "Guide de l'assurance habitation") - 20;
                    }
                    y = line(content, bold, 15, 50, y, "Article " + (i + 1) + " : " + article.title()) - 10;
                    for (String paragraph : paragraphs(article, i)) {
                        for (String l : wrap(paragraph, regular, 11, 495)) {
                            y = line(content, regular, 11, 50, y, l);
                        }
                        y -= 10;
                    }
                    line(content, regular, 9, 50, 40, "Mutuelle Tandem - Guide de l'assurance habitation");
                    line(content, regular, 9, 500, 40, "Page " + (i + 1) + " / " + GUIDE.size());
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float line(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
        return y - size * 1.4f;
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * « Procédure de gestion des réclamations » in Word: French style ids (Titre, Titre1, Titre2) whose
     * names are Word's own (Title, heading 1, heading 2), a bulleted list and a table of delays.
     */
    public static byte[] complaintsDocx() {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = document.createStyles();
            style(styles, "Titre", "Title");
            style(styles, "Titre1", "heading 1");
            style(styles, "Titre2", "heading 2");
            document.getProperties().getCoreProperties().setTitle("Procédure de gestion des réclamations");
            paragraph(document, "Titre", "Procédure de gestion des réclamations");
            paragraph(document, "Titre1", "Recevoir la réclamation");
            paragraph(
                    document,
                    null,
                    "Toute réclamation écrite d'un sociétaire est enregistrée le jour même dans"
                            + " le registre des réclamations, avec la date de réception et le canal utilisé. Un accusé de"
                            + " réception est envoyé sous dix jours ouvrables, même lorsque la réponse est immédiate.");
            paragraph(
                    document,
                    null,
                    "Le conseiller qui reçoit la réclamation vérifie l'identité du sociétaire et"
                            + " le contrat concerné avant de la transmettre au service qualité.");
            paragraph(document, "Titre2", "Les canaux de réception");
            for (String channel : List.of(
                    "le courrier postal adressé au siège de la mutuelle ;",
                    "le formulaire de l'espace sociétaire en ligne ;",
                    "l'entretien en agence, consigné par écrit par le conseiller.")) {
                XWPFParagraph item = paragraph(document, null, channel);
                item.setNumID(java.math.BigInteger.ONE);
            }
            paragraph(document, "Titre1", "Répondre dans les délais");
            paragraph(
                    document,
                    null,
                    "Le service qualité apporte une réponse motivée dans un délai maximal de deux"
                            + " mois à compter de la réception. Une réclamation portant sur un refus d'indemnisation est"
                            + " relue par un second gestionnaire avant l'envoi de la réponse.");
            XWPFTable table = document.createTable(3, 2);
            table.getRow(0).getCell(0).setText("Étape");
            table.getRow(0).getCell(1).setText("Délai");
            table.getRow(1).getCell(0).setText("Accusé de réception");
            table.getRow(1).getCell(1).setText("dix jours ouvrables");
            table.getRow(2).getCell(0).setText("Réponse motivée");
            table.getRow(2).getCell(1).setText("deux mois");
            paragraph(document, "Titre1", "Orienter vers la médiation");
            paragraph(
                    document,
                    null,
                    "Si la réponse ne satisfait pas le sociétaire, la lettre lui indique les"
                            + " coordonnées du médiateur de l'assurance, qu'il peut saisir gratuitement et sans avocat.");
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void style(XWPFStyles styles, String id, String name) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        CTString n = CTString.Factory.newInstance();
        n.setVal(name);
        style.setName(n);
        styles.addStyle(new XWPFStyle(style));
    }

    private static XWPFParagraph paragraph(XWPFDocument document, String style, String text) {
        XWPFParagraph p = document.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        p.createRun().setText(text);
        return p;
    }
}
