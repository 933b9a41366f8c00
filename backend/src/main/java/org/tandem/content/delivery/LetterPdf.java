package org.tandem.content.delivery;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * The reply letter as a PDF: the approved text exactly as disclosed (its label included), addressed to
 * the member, with on every page where to verify it. The signed provenance record travels inside: as
 * the embedded file {@value #RECORD_FILE} (associated file of the document, relationship « Supplement »)
 * and in the XMP metadata, beside the IPTC digital source type ({@code Iptc4xmpExt:DigitalSourceType})
 * that PDF readers and archives understand. Fonts: Liberation Sans, shipped inside PDFBox, subset-embedded.
 */
final class LetterPdf {

    static final String RECORD_FILE = "provenance.jws";

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern SPACES = Pattern.compile(" +");
    private static final float MARGIN = 64;
    private static final float BODY_SIZE = 10.5f;
    private static final float LEADING = 14.5f;
    private static final float FOOTER_SIZE = 7.5f;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    /**
     * @param issuer      who sends it (the organisation that signs the record)
     * @param recipient   name and postal address lines
     * @param text        the disclosed text (label included)
     * @param record      the signed provenance record (JWS)
     * @param recordId    its identifier, printed for reference
     */
    record Letter(
            DeliverySettings.Letterhead letterhead,
            String issuer,
            List<String> recipient,
            String title,
            String text,
            String label,
            String category,
            String digitalSourceTypeUri,
            String contentSha256,
            String record,
            String recordId,
            String verifyUrl,
            OffsetDateTime date) {}

    private static final byte[] FONT_BYTES = fontBytes();

    private LetterPdf() {}

    private static byte[] fontBytes() {
        try (InputStream in = LetterPdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's font " + FONT + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The font's file is read from the jar once and parsed once per thread: subsetting reads the parsed font at
     * save, so one thread's letters share it one after the other, never two threads (parsing it for each letter
     * was 2 % of the CPU under P1, issue 18). The document does not close a font it was given parsed.
     */
    private static final ThreadLocal<TrueTypeFont> PARSED_FONT = ThreadLocal.withInitial(() -> {
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(FONT_BYTES));
            // no glyph substitution (ligatures): PDFBox compiles regular expressions for each line it shows, which
            // cost a tenth of the throughput under load (issue 18), and letters in Latin script do not need it
            ttf.setEnableGsub(false);
            return ttf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    static byte[] render(Letter letter) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, PARSED_FONT.get(), true);
            PDFormXObject background = background(doc, letter.letterhead());
            Glyphs glyphs = new Glyphs(font);
            PDRectangle a4 = PDRectangle.A4;
            float width = a4.getWidth() - 2 * MARGIN;

            // lay the body out first, to number the pages
            List<String> lines = new ArrayList<>();
            for (String paragraph : LINE_BREAK.split(letter.text().strip(), -1)) {
                lines.addAll(wrap(glyphs.clean(paragraph), font, BODY_SIZE, width));
            }
            float firstPageTop = a4.getHeight() - MARGIN - 170;
            float otherPageTop = a4.getHeight() - MARGIN;
            float bottom = MARGIN + 40;
            List<List<String>> pages = new ArrayList<>();
            List<String> page = new ArrayList<>();
            float y = firstPageTop;
            for (String line : lines) {
                if (y < bottom) {
                    pages.add(page);
                    page = new ArrayList<>();
                    y = otherPageTop;
                }
                page.add(line);
                y -= LEADING;
            }
            pages.add(page);

            for (int p = 0; p < pages.size(); p++) {
                PDPage pdPage = new PDPage(a4);
                doc.addPage(pdPage);
                try (PDPageContentStream out = new PDPageContentStream(doc, pdPage)) {
                    if (background != null) {
                        out.drawForm(background);
                    }
                    float top = p == 0 ? firstPageTop : otherPageTop;
                    if (p == 0) {
                        header(out, font, glyphs, letter, a4, background == null);
                    }
                    text(out, font, BODY_SIZE, MARGIN, top, pages.get(p));
                    footer(out, font, glyphs, letter, a4, p + 1, pages.size());
                }
            }
            embed(doc, letter);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The letter's PDF could not be produced", e);
        } finally {
            for (PDDocument template : OPEN_TEMPLATES.get()) {
                try {
                    template.close();
                } catch (IOException e) {
                    // read-only: nothing to lose
                }
            }
            OPEN_TEMPLATES.remove();
        }
    }

    /** The letterhead template's first page, as a form drawn under every page; null without a template. */
    private static PDFormXObject background(PDDocument doc, DeliverySettings.Letterhead letterhead) throws IOException {
        if (letterhead == null || letterhead.template() == null) {
            return null;
        }
        // the template stays open until the letter is saved: its page is copied when the letter is written
        PDDocument template = Loader.loadPDF(letterhead.template().toFile());
        OPEN_TEMPLATES.get().add(template);
        return new LayerUtility(doc).importPageAsForm(template, 0);
    }

    private static final ThreadLocal<List<PDDocument>> OPEN_TEMPLATES = ThreadLocal.withInitial(ArrayList::new);

    private static void header(
            PDPageContentStream out, PDType0Font font, Glyphs glyphs, Letter letter, PDRectangle a4, boolean letterhead)
            throws IOException {
        float top = a4.getHeight() - MARGIN;
        if (letterhead) {
            DeliverySettings.Letterhead head = letter.letterhead();
            String name = head == null || head.name() == null ? letter.issuer() : head.name();
            text(out, font, 13, MARGIN, top, List.of(glyphs.clean(name)));
            if (head != null && !head.lines().isEmpty()) {
                out.setNonStrokingColor(new Color(90, 90, 90));
                text(
                        out,
                        font,
                        8.5f,
                        MARGIN,
                        top - 16,
                        head.lines().stream().map(glyphs::clean).toList());
                out.setNonStrokingColor(Color.BLACK);
            }
        }
        String date = "Le " + DATE.format(letter.date().atZoneSameInstant(ZoneId.of("Europe/Paris")));
        float dateWidth = font.getStringWidth(date) / 1000 * BODY_SIZE;
        text(out, font, BODY_SIZE, a4.getWidth() - MARGIN - dateWidth, top, List.of(date));
        List<String> address = letter.recipient().stream()
                .filter(s -> s != null && !s.isBlank())
                .map(glyphs::clean)
                .toList();
        text(out, font, BODY_SIZE, a4.getWidth() / 2 + 20, top - 60, address);
    }

    private static void footer(
            PDPageContentStream out,
            PDType0Font font,
            Glyphs glyphs,
            Letter letter,
            PDRectangle a4,
            int page,
            int pages)
            throws IOException {
        out.setNonStrokingColor(new Color(90, 90, 90));
        List<String> lines = new ArrayList<>();
        lines.add(glyphs.clean("Vérifier l'origine de ce courrier et la part de l'IA : " + letter.verifyUrl()
                + " (déposez ce PDF, qui contient son relevé de provenance signé)."));
        lines.add(glyphs.clean("Référence du relevé : " + letter.recordId() + " · page " + page + "/" + pages));
        if (letter.letterhead() != null && letter.letterhead().legal() != null) {
            lines.add(glyphs.clean(letter.letterhead().legal()));
        }
        text(out, font, FOOTER_SIZE, MARGIN, MARGIN - 4, lines);
        out.setNonStrokingColor(Color.BLACK);
    }

    private static void text(
            PDPageContentStream out, PDType0Font font, float size, float x, float y, List<String> lines)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.setLeading(size * 1.38f);
        out.newLineAtOffset(x, y);
        for (String line : lines) {
            out.showText(line);
            out.newLine();
        }
        out.endText();
    }

    static List<String> wrap(String paragraph, PDType0Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        if (paragraph.isBlank()) {
            lines.add("");
            return lines;
        }
        StringBuilder line = new StringBuilder();
        // widths add up (the font's advances, no kerning): a line's width grows by each word's, instead of
        // measuring the whole line again for each word
        float space = font.getStringWidth(" ") / 1000 * size;
        float lineWidth = 0;
        for (String word : SPACES.split(paragraph.strip())) {
            float wordWidth = font.getStringWidth(word) / 1000 * size;
            float candidate = line.isEmpty() ? wordWidth : lineWidth + space + wordWidth;
            if (candidate <= width) {
                if (!line.isEmpty()) {
                    line.append(' ');
                }
                line.append(word);
                lineWidth = candidate;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // a word longer than a line (a long reference): cut it
            String rest = word;
            while (font.getStringWidth(rest) / 1000 * size > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * size > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
            lineWidth = font.getStringWidth(rest) / 1000 * size;
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void embed(PDDocument doc, Letter letter) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(letter.title());
        info.setAuthor(letter.issuer());
        info.setCreator("Tandem");
        info.setProducer("Tandem (Apache PDFBox)");
        info.setSubject(letter.label() == null ? "" : letter.label());
        info.setKeywords(letter.digitalSourceTypeUri());
        Calendar created = GregorianCalendar.from(letter.date().toZonedDateTime());
        info.setCreationDate(created);
        info.setModificationDate(created);

        byte[] record = letter.record().getBytes(StandardCharsets.US_ASCII);
        PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(record));
        file.setSubtype("application/jose");
        file.setSize(record.length);
        file.setCreationDate(created);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(RECORD_FILE);
        spec.setFileUnicode(RECORD_FILE);
        spec.setFileDescription("Relevé de provenance signé (JWS, ES256) : origine du texte et part de l'IA");
        spec.setEmbeddedFile(file);
        spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Supplement");
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(RECORD_FILE, spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
        COSArray associated = new COSArray();
        associated.add(spec);
        doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), associated);

        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp(letter).getBytes(StandardCharsets.UTF_8));
        doc.getDocumentCatalog().setMetadata(metadata);
    }

    static String xmp(Letter l) {
        String date = l.date().toString();
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\"\n"
                + "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                + "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                + "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                + "    xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\"\n"
                + "    xmlns:tandem=\"https://tandem.example/ns/provenance/1.0/\">\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(l.title())
                + "</rdf:li></rdf:Alt></dc:title>\n"
                + "   <dc:creator><rdf:Seq><rdf:li>" + esc(l.issuer()) + "</rdf:li></rdf:Seq></dc:creator>\n"
                + "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "   <xmp:CreatorTool>Tandem</xmp:CreatorTool>\n"
                + "   <pdf:Producer>Tandem (Apache PDFBox)</pdf:Producer>\n"
                + "   <Iptc4xmpExt:DigitalSourceType>" + esc(l.digitalSourceTypeUri())
                + "</Iptc4xmpExt:DigitalSourceType>\n"
                + "   <tandem:DisclosureCategory>" + esc(l.category()) + "</tandem:DisclosureCategory>\n"
                + "   <tandem:DisclosureLabel>" + esc(l.label() == null ? "" : l.label())
                + "</tandem:DisclosureLabel>\n"
                + "   <tandem:ContentSha256>" + esc(l.contentSha256()) + "</tandem:ContentSha256>\n"
                + "   <tandem:ProvenanceRecord>" + esc(l.record()) + "</tandem:ProvenanceRecord>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
    }

    private static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }

    /** Characters the font cannot draw (an emoji, a rare symbol) become « ? » in the PDF; the text keeps them. */
    private static final class Glyphs {
        private final PDType0Font font;
        private final Map<Integer, Boolean> known = new HashMap<>();

        Glyphs(PDType0Font font) {
            this.font = font;
        }

        String clean(String s) {
            StringBuilder out = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                if (cp == '\t') {
                    out.append("    ");
                } else if (Character.isISOControl(cp)) {
                    // dropped
                } else if (known.computeIfAbsent(cp, this::drawable)) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private boolean drawable(int cp) {
            try {
                font.encode(new String(Character.toChars(cp)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
