package org.tandem.knowledge.upload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The text of a Word document (.docx, Office Open XML), read with the JDK alone: a DOCX is a zip whose
 * {@code word/document.xml} holds the paragraphs and {@code word/styles.xml} their styles. Word's
 * « Titre »/Title style becomes the document's title ({@code #}), « Titre 1 »/Heading 1 a section
 * ({@code ##}) and so on; list items keep a dash; a table row becomes one line, its cells separated by
 * « | ». Deleted text (tracked changes), fields' codes and images are left out. The zip is read with
 * limits (entries, uncompressed size) and the XML without DTDs or external entities.
 */
final class DocxText {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final int MAX_ENTRIES = 5_000;
    /** The most a part of the file may weigh once uncompressed (a « zip bomb » is refused). */
    static final long MAX_PART_BYTES = 40L * 1024 * 1024;

    private static final Pattern HEADING_NAME = Pattern.compile("(?i)^(?:heading|titre)\\s*(\\d)$");
    private static final Pattern TITLE_NAME = Pattern.compile("(?i)^(?:title|titre)$");

    private DocxText() {}

    /** A paragraph style: its name, outline level (0-based, -1 none) and the style it is based on. */
    private record Style(String name, int outlineLevel, String basedOn) {}

    static ExtractedText read(byte[] bytes) {
        Map<String, byte[]> parts = parts(bytes);
        byte[] document = parts.get("word/document.xml");
        if (document == null) {
            throw new UnreadableFile(
                    "Ce fichier zip n'est pas un document Word (.docx) : il n'a pas de" + " word/document.xml.");
        }
        try {
            Map<String, Style> styles =
                    parts.containsKey("word/styles.xml") ? styles(parts.get("word/styles.xml")) : Map.of();
            List<String> blocks = new ArrayList<>();
            String firstTitle = body(document, styles, blocks);
            String markdown = String.join("\n\n", blocks).strip();
            if (markdown.replaceAll("(?m)^#.*$", "").replaceAll("\\s", "").isEmpty()) {
                throw new UnreadableFile("Le document Word ne contient pas de texte en dehors de ses titres.");
            }
            String title = parts.containsKey("docProps/core.xml") ? coreTitle(parts.get("docProps/core.xml")) : null;
            return new ExtractedText(ExtractedText.Format.DOCX, null, title != null ? title : firstTitle, markdown);
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof UnreadableFile unreadable) {
                throw unreadable;
            }
            throw new UnreadableFile("Le document Word est endommagé : son contenu n'a pas pu être lu.", e);
        }
    }

    /** The parts of the zip this reader needs, each read up to the limit. */
    private static Map<String, byte[]> parts(byte[] bytes) {
        Map<String, byte[]> parts = new HashMap<>();
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new UnreadableFile("Le fichier contient trop d'éléments pour un document Word.");
                }
                String name = entry.getName();
                if (name.equals("word/document.xml")
                        || name.equals("word/styles.xml")
                        || name.equals("docProps/core.xml")) {
                    parts.put(name, readLimited(zip));
                }
            }
        } catch (ZipException e) {
            throw new UnreadableFile(
                    "Le document Word est endommagé : le fichier zip qui le compose est illisible.", e);
        } catch (IOException e) {
            throw new UnreadableFile("Le document Word n'a pas pu être lu.", e);
        }
        if (entries == 0) {
            throw new UnreadableFile("Le document Word est endommagé : le fichier zip qui le compose est vide.");
        }
        return parts;
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > MAX_PART_BYTES) {
                throw new UnreadableFile("Le document Word est anormalement volumineux une fois décompressé"
                        + " (plus de 40 Mo de texte) : il n'a pas été lu.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static XMLStreamReader xml(byte[] bytes) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
    }

    private static boolean isW(XMLStreamReader r, String localName) {
        return localName.equals(r.getLocalName()) && W.equals(r.getNamespaceURI());
    }

    private static String wValue(XMLStreamReader r) {
        return r.getAttributeValue(W, "val");
    }

    private static Map<String, Style> styles(byte[] bytes) throws XMLStreamException {
        Map<String, Style> styles = new HashMap<>();
        XMLStreamReader r = xml(bytes);
        String id = null;
        String name = null;
        String basedOn = null;
        int outline = -1;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (isW(r, "style")) {
                    id = r.getAttributeValue(W, "styleId");
                    name = null;
                    basedOn = null;
                    outline = -1;
                } else if (id != null && isW(r, "name")) {
                    name = wValue(r);
                } else if (id != null && isW(r, "basedOn")) {
                    basedOn = wValue(r);
                } else if (id != null && isW(r, "outlineLvl")) {
                    outline = parseInt(wValue(r));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && isW(r, "style") && id != null) {
                styles.put(id, new Style(name, outline, basedOn));
                id = null;
            }
        }
        return styles;
    }

    /** The heading level a style gives its paragraphs: 1 for the title, 2 for « Titre 1 »…; 0 for body text. */
    private static int level(String styleId, int paragraphOutline, Map<String, Style> styles) {
        if (paragraphOutline >= 0 && paragraphOutline < 8) {
            return Math.min(paragraphOutline + 2, 6);
        }
        String current = styleId;
        for (int depth = 0; current != null && depth < 10; depth++) {
            Style style = styles.get(current);
            String name = style != null && style.name() != null ? style.name().strip() : current;
            if (TITLE_NAME.matcher(name).matches()) {
                return 1;
            }
            Matcher heading = HEADING_NAME.matcher(name.replace("_", " "));
            if (heading.matches()) {
                return Math.min(Integer.parseInt(heading.group(1)) + 1, 6);
            }
            if (style != null && style.outlineLevel() >= 0 && style.outlineLevel() < 8) {
                return Math.min(style.outlineLevel() + 2, 6);
            }
            current = style == null ? null : style.basedOn();
        }
        // a style id such as "Heading1" or "Titre1" without styles.xml
        Matcher byId = Pattern.compile("(?i)^(?:heading|titre)(\\d)$").matcher(styleId == null ? "" : styleId);
        return byId.matches() ? Math.min(Integer.parseInt(byId.group(1)) + 1, 6) : 0;
    }

    /** Appends the document's blocks (headings, paragraphs, table rows); returns its first title, if any. */
    private static String body(byte[] bytes, Map<String, Style> styles, List<String> blocks) throws XMLStreamException {
        XMLStreamReader r = xml(bytes);
        StringBuilder paragraph = new StringBuilder();
        String style = null;
        int outline = -1;
        boolean listItem = false;
        boolean inText = false;
        int tableDepth = 0;
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String firstTitle = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (isW(r, "p")) {
                    paragraph.setLength(0);
                    style = null;
                    outline = -1;
                    listItem = false;
                } else if (isW(r, "pStyle")) {
                    style = wValue(r);
                } else if (isW(r, "outlineLvl")) {
                    outline = parseInt(wValue(r));
                } else if (isW(r, "numPr")) {
                    listItem = true;
                } else if (isW(r, "t")) {
                    inText = true;
                } else if (isW(r, "tab")) {
                    paragraph.append(' ');
                } else if (isW(r, "br") || isW(r, "cr")) {
                    paragraph.append('\n');
                } else if (isW(r, "tbl")) {
                    tableDepth++;
                } else if (isW(r, "tr")) {
                    row.clear();
                } else if (isW(r, "tc")) {
                    cell.setLength(0);
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (inText) {
                    paragraph.append(r.getText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (isW(r, "t")) {
                    inText = false;
                } else if (isW(r, "p")) {
                    String text = DocumentFiles.clean(paragraph.toString())
                            .replaceAll("[ ]+", " ")
                            .replaceAll(" ?\n ?", "\n")
                            .strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    if (tableDepth > 0) {
                        cell.append(cell.isEmpty() ? "" : " ").append(text.replace('\n', ' '));
                        continue;
                    }
                    int level = level(style, outline, styles);
                    if (level > 0) {
                        String heading = text.replace('\n', ' ');
                        blocks.add("#".repeat(level) + " " + heading);
                        if (level == 1 && firstTitle == null) {
                            firstTitle = heading;
                        }
                    } else {
                        String body = text.lines()
                                .map(DocumentFiles::notHeading)
                                .reduce((a, b) -> a + "\n" + b)
                                .orElse("");
                        blocks.add(listItem ? "- " + body : body);
                    }
                } else if (isW(r, "tc") && tableDepth > 0) {
                    row.add(cell.toString().strip());
                    cell.setLength(0);
                } else if (isW(r, "tr") && tableDepth > 0) {
                    if (row.stream().anyMatch(c -> !c.isEmpty())) {
                        blocks.add(String.join(" | ", row));
                    }
                    row.clear();
                } else if (isW(r, "tbl")) {
                    tableDepth = Math.max(0, tableDepth - 1);
                }
            }
        }
        return firstTitle;
    }

    private static String coreTitle(byte[] bytes) throws XMLStreamException {
        XMLStreamReader r = xml(bytes);
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT
                    && "title".equals(r.getLocalName())
                    && "http://purl.org/dc/elements/1.1/".equals(r.getNamespaceURI())) {
                String title = DocumentFiles.clean(r.getElementText()).strip();
                return title.isEmpty() ? null : title;
            }
        }
        return null;
    }

    private static int parseInt(String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
