package org.tandem.governance.entities;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a small CSV text into numbered lines of fields: separator « ; » or « , » (the first line
 * that is neither empty nor a comment decides), fields in double quotes may hold the separator and
 * doubled quotes; a leading byte order mark, CRLF line ends, empty lines and lines starting with
 * « # » are accepted. A quote left open is reported with its line number.
 */
final class CsvLines {

    /** One line of the file: its number (from 1, as an editor shows it) and its fields, trimmed. */
    record Line(int number, List<String> fields) {}

    /** A line that cannot be read as CSV. */
    static final class Malformed extends Exception {
        final int line;

        Malformed(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private CsvLines() {}

    static List<Line> parse(String text) throws Malformed {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] raw = content.split("\r\n|\n|\r", -1);
        Character separator = null;
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (separator == null) {
                separator = line.indexOf(';') >= 0 ? ';' : ',';
            }
            lines.add(new Line(i + 1, fields(line, separator, i + 1)));
        }
        return lines;
    }

    private static List<String> fields(String line, char separator, int number) throws Malformed {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (c == separator) {
                fields.add(field.toString().strip());
                field.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted && !Character.isWhitespace(c)) {
                throw new Malformed(
                        number,
                        "du texte suit un champ entre guillemets (doublez un guillemet dans un" + " champ : \"\").");
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new Malformed(number, "un guillemet ouvert n'est pas refermé sur la ligne.");
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
