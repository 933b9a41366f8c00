package org.tandem.knowledge.upload;

/**
 * Reads an uploaded knowledge document: tells a PDF from a DOCX by its first bytes (never by its name
 * or the browser's content type) and refuses, with the reason, what it cannot read: another format, a
 * Word 97-2003 or password-protected file, a scan without text, a damaged file, or a text too long
 * for one document.
 */
public final class DocumentFiles {

    /** The longest text a document may hold (DocumentInput's limit on its body). */
    public static final int MAX_CHARACTERS = 200_000;

    private DocumentFiles() {}

    public static ExtractedText read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new UnreadableFile("Le fichier est vide.");
        }
        ExtractedText text;
        if (startsWith(bytes, new byte[] {'%', 'P', 'D', 'F', '-'})) {
            text = PdfText.read(bytes);
        } else if (startsWith(bytes, new byte[] {'P', 'K', 3, 4})) {
            text = DocxText.read(bytes);
        } else if (startsWith(bytes, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})) {
            throw new UnreadableFile("Le fichier est un document Word 97-2003 (.doc) ou un document protégé par un mot"
                    + " de passe : enregistrez-le au format .docx sans mot de passe, ou en PDF.");
        } else {
            throw new UnreadableFile("Ce fichier n'est ni un PDF ni un document Word (.docx) : Tandem ne lit que ces"
                    + " deux formats.");
        }
        if (text.markdown().length() > MAX_CHARACTERS) {
            throw new UnreadableFile("Le texte du fichier (" + text.markdown().length() + " caractères) dépasse les "
                    + "200 000 caractères d'un document : découpez-le en plusieurs documents.");
        }
        return text;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Keeps line breaks and tabs (as spaces); drops the other control characters a file may carry. */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append('\n');
            } else if (c == '\t' || c == '\u00A0') {
                out.append(' ');
            } else if (!Character.isISOControl(c) && c != '\uFFFD' && Character.getType(c) != Character.FORMAT) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** A body line that starts like a Markdown heading is not one. */
    static String notHeading(String line) {
        return line.startsWith("#") ? line.replaceFirst("^#+\\s*", "") : line;
    }
}
