package org.tandem.knowledge.upload;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a PDF (Apache PDFBox), in reading order, as Markdown. A PDF has no structure to read:
 * lines set in a font clearly larger than the body's are taken for headings (the largest, when it
 * appears once, for the title), page numbers and the running header and footer repeated on most
 * pages are dropped, and the paragraphs PDFBox detects are kept apart.
 */
final class PdfText {

    static final int MAX_PAGES = 1_000;
    /** A heading's font is at least this much larger than the body's. */
    static final float HEADING_RATIO = 1.15f;

    private static final Pattern PAGE_NUMBER =
            Pattern.compile("(?i)\\s*(page\\s*)?\\d{1,4}(\\s*(/|sur|of)\\s*\\d{1,4})?\\s*");
    private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");

    private PdfText() {}

    /** A line of text with its largest font size; {@code text == null} marks a paragraph's end. */
    private record Line(String text, float size, int page) {
        boolean isBreak() {
            return text == null;
        }
    }

    static ExtractedText read(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes, "", null, null, IOUtils.createMemoryOnlyStreamCache())) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new UnreadableFile("Le PDF ne contient aucune page.");
            }
            if (pages > MAX_PAGES) {
                throw new UnreadableFile("Le PDF compte " + pages + " pages : au-delà de " + MAX_PAGES
                        + ", découpez-le en plusieurs documents.");
            }
            LineStripper stripper = new LineStripper();
            stripper.getText(document);
            String title = document.getDocumentInformation() == null
                    ? null
                    : blankToNull(document.getDocumentInformation().getTitle());
            String markdown = markdown(stripper.lines, pages);
            if (markdown.replaceAll("(?m)^#.*$", "").replaceAll("\\s", "").length() < 20) {
                throw new UnreadableFile("Le PDF ne contient pas de texte lisible (un document numérisé ?) : Tandem ne"
                        + " lit pas le texte des images. Envoyez un PDF dont le texte peut être sélectionné.");
            }
            if (title == null) {
                title = markdown.lines()
                        .filter(l -> l.startsWith("# "))
                        .map(l -> l.substring(2).strip())
                        .findFirst()
                        .orElse(null);
            }
            return new ExtractedText(ExtractedText.Format.PDF, pages, title, markdown);
        } catch (InvalidPasswordException e) {
            throw new UnreadableFile(
                    "Le PDF est protégé par un mot de passe : enregistrez-en une copie sans mot de passe.", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFile unreadable) {
                throw unreadable;
            }
            throw new UnreadableFile(
                    "Le PDF est endommagé ou incomplet : il n'a pas pu être lu ("
                            + abbreviate(String.valueOf(e.getMessage())) + ").",
                    e);
        }
    }

    private static String markdown(List<Line> lines, int pages) {
        Set<Line> running = runningLines(lines, pages);
        List<Line> kept = new ArrayList<>();
        for (Line line : lines) {
            if (line.isBreak()) {
                kept.add(line);
            } else if (!PAGE_NUMBER.matcher(line.text()).matches() && !running.contains(line)) {
                kept.add(line);
            }
        }
        float body = bodySize(kept);
        // the heading sizes, largest first; the largest is the title when it is used once, on the first page
        TreeSet<Float> headingSizes = new TreeSet<>((a, b) -> Float.compare(b, a));
        Map<Float, Integer> uses = new HashMap<>();
        for (Line line : kept) {
            if (isHeading(line, body)) {
                float size = Math.round(line.size() * 2) / 2f;
                headingSizes.add(size);
                uses.merge(size, 1, Integer::sum);
            }
        }
        Float titleSize = null;
        if (!headingSizes.isEmpty() && uses.get(headingSizes.first()) == 1) {
            titleSize = headingSizes.first();
        }
        List<Float> sectionSizes = new ArrayList<>(headingSizes);
        if (titleSize != null) {
            sectionSizes.remove(titleSize);
        }

        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        String heading = null;
        float headingSize = 0;
        for (Line line : kept) {
            if (line.isBreak()) {
                flush(out, paragraph);
                continue;
            }
            if (isHeading(line, body)) {
                float size = Math.round(line.size() * 2) / 2f;
                flush(out, paragraph);
                if (heading != null && size == headingSize) {
                    heading = heading + " " + line.text(); // a heading set on two lines
                    continue;
                }
                flushHeading(out, heading, headingSize, titleSize, sectionSizes);
                heading = line.text();
                headingSize = size;
                continue;
            }
            flushHeading(out, heading, headingSize, titleSize, sectionSizes);
            heading = null;
            paragraph.append(paragraph.isEmpty() ? "" : "\n").append(DocumentFiles.notHeading(line.text()));
        }
        flush(out, paragraph);
        flushHeading(out, heading, headingSize, titleSize, sectionSizes);
        return out.toString().strip();
    }

    private static void flushHeading(
            StringBuilder out, String heading, float size, Float titleSize, List<Float> sectionSizes) {
        if (heading == null) {
            return;
        }
        int level = titleSize != null && size == titleSize ? 1 : Math.min(2 + sectionSizes.indexOf(size), 4);
        out.append("#".repeat(level)).append(' ').append(heading.strip()).append("\n\n");
    }

    private static void flush(StringBuilder out, StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            out.append(paragraph).append("\n\n");
            paragraph.setLength(0);
        }
    }

    private static boolean isHeading(Line line, float body) {
        return body > 0
                && line.size() >= body * HEADING_RATIO
                && line.text().length() <= 150
                && HAS_LETTER.matcher(line.text()).find();
    }

    /** The font size most of the text is set in (weighted by characters). */
    private static float bodySize(List<Line> lines) {
        Map<Float, Integer> chars = new HashMap<>();
        for (Line line : lines) {
            if (!line.isBreak()) {
                chars.merge(Math.round(line.size() * 2) / 2f, line.text().length(), Integer::sum);
            }
        }
        return chars.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(0f);
    }

    /**
     * The running header and footer: among the first and last two lines of each page, those found on
     * at least three pages and half of them, numbers aside (« Page 3 / 20 » is « Page 4 / 20 »).
     */
    private static Set<Line> runningLines(List<Line> lines, int pages) {
        Map<Integer, List<Line>> byPage = new HashMap<>();
        for (Line line : lines) {
            if (!line.isBreak()) {
                byPage.computeIfAbsent(line.page(), p -> new ArrayList<>()).add(line);
            }
        }
        Map<String, Set<Integer>> onPages = new HashMap<>();
        List<Line> edges = new ArrayList<>();
        for (List<Line> page : byPage.values()) {
            for (int i = 0; i < page.size(); i++) {
                if (i < 2 || i >= page.size() - 2) {
                    Line line = page.get(i);
                    edges.add(line);
                    onPages.computeIfAbsent(numbersAside(line.text()), t -> new HashSet<>())
                            .add(line.page());
                }
            }
        }
        Set<Line> running = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Line line : edges) {
            Set<Integer> where = onPages.get(numbersAside(line.text()));
            if (where.size() >= 3 && where.size() * 2 >= pages) {
                running.add(line);
            }
        }
        return running;
    }

    private static String numbersAside(String text) {
        return text.replaceAll("\\d+", "#");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : DocumentFiles.clean(s).strip();
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    /** Collects the lines PDFBox lays out, with their font size, instead of writing them. */
    private static final class LineStripper extends PDFTextStripper {

        final List<Line> lines = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private float size;

        LineStripper() {
            setSortByPosition(true);
        }

        @Override
        protected void writeString(String s, List<TextPosition> positions) {
            text.append(s);
            for (TextPosition p : positions) {
                size = Math.max(size, p.getFontSizeInPt());
            }
        }

        @Override
        protected void writeWordSeparator() {
            text.append(' ');
        }

        @Override
        protected void writeLineSeparator() {
            endLine();
        }

        @Override
        protected void writeParagraphEnd() {
            endLine();
            paragraphBreak();
        }

        @Override
        protected void endPage(PDPage page) throws IOException {
            endLine();
            paragraphBreak();
            super.endPage(page);
        }

        private void endLine() {
            String line =
                    DocumentFiles.clean(text.toString()).replaceAll("\\s+", " ").strip();
            if (!line.isEmpty()) {
                lines.add(new Line(line, size, getCurrentPageNo()));
            }
            text.setLength(0);
            size = 0;
        }

        private void paragraphBreak() {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBreak()) {
                lines.add(new Line(null, 0, getCurrentPageNo()));
            }
        }
    }
}
