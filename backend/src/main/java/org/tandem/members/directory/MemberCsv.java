package org.tandem.members.directory;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tandem.members.Member;

/**
 * Reads the CSV file of a pilot's members (format in docs/members.md): UTF-8, a header line naming the
 * columns, {@code ;} or {@code ,} between fields, {@code "} around a field that holds the separator.
 * Every line is checked before anything is stored; the refusal names each bad line by its number.
 */
final class MemberCsv {

    /** The columns, in the order the documentation lists them; the first three are required. */
    static final List<String> COLUMNS =
            List.of("id", "firstName", "lastName", "birthDate", "email", "phone", "address", "city", "policyNumber");

    static final int MAX_MEMBERS = 200_000;
    /** How many bad lines a refusal lists. */
    static final int MAX_REPORTED = 10;

    private static final DateTimeFormatter FRENCH_DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The file cannot be imported; {@code errors} holds each bad line's French explanation. */
    static final class Invalid extends RuntimeException {
        private final List<String> errors;
        private final int total;

        Invalid(List<String> errors, int total) {
            super(errors.get(0));
            this.errors = List.copyOf(errors);
            this.total = total;
        }

        List<String> errors() {
            return errors;
        }

        /** The French summary: the first error, and how many more lines are wrong. */
        String summary() {
            return errors.get(0)
                    + (total > 1
                            ? " (" + (total - 1) + " autre" + (total > 2 ? "s" : "") + " ligne" + (total > 2 ? "s" : "")
                                    + " en erreur)"
                            : "");
        }
    }

    private MemberCsv() {}

    static List<Member> parse(byte[] bytes) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        int headerIndex = 0;
        while (headerIndex < lines.length && lines[headerIndex].isBlank()) {
            headerIndex++;
        }
        if (headerIndex == lines.length) {
            throw single("Le fichier est vide : sa première ligne doit nommer les colonnes ("
                    + String.join(";", COLUMNS) + ").");
        }
        String headerLine = lines[headerIndex];
        char separator = headerLine.indexOf(';') >= 0 ? ';' : ',';
        Map<String, Integer> columns = header(headerIndex + 1, headerLine, separator);

        List<String> errors = new ArrayList<>();
        int[] errorCount = {0};
        List<Member> members = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = headerIndex + 1; i < lines.length; i++) {
            int number = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                List<String> fields = fields(lines[i], separator);
                if (fields.size() != columns.size()) {
                    throw new LineError(fields.size() + " colonne" + (fields.size() > 1 ? "s" : "") + " au lieu de "
                            + columns.size() + " (séparateur « " + separator + " »).");
                }
                Member member = member(fields, columns);
                Integer earlier = seen.putIfAbsent(member.id(), number);
                if (earlier != null) {
                    throw new LineError("le sociétaire n° « " + member.id() + " » figure déjà ligne " + earlier + ".");
                }
                members.add(member);
            } catch (LineError e) {
                errorCount[0]++;
                if (errors.size() < MAX_REPORTED) {
                    errors.add("Ligne " + number + " : " + e.getMessage());
                }
            }
            if (members.size() > MAX_MEMBERS) {
                throw single("Le fichier dépasse " + MAX_MEMBERS + " sociétaires : découpez-le.");
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors, errorCount[0]);
        }
        if (members.isEmpty()) {
            throw single("Le fichier ne contient aucun sociétaire après sa ligne d'en-tête.");
        }
        return members;
    }

    private static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw single("Ligne " + line + " : le fichier n'est pas en UTF-8 (enregistrez-le en « CSV UTF-8 »).");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static Map<String, Integer> header(int number, String line, char separator) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> names;
        try {
            names = fields(line, separator);
        } catch (LineError e) {
            throw single("Ligne " + number + " : " + e.getMessage());
        }
        for (String raw : names) {
            String name = raw.strip();
            if (!COLUMNS.contains(name)) {
                throw single("Ligne " + number + " : la colonne « " + abbreviate(name) + " » est inconnue ; colonnes"
                        + " possibles : " + String.join(", ", COLUMNS) + ".");
            }
            if (columns.putIfAbsent(name, columns.size()) != null) {
                throw single("Ligne " + number + " : la colonne « " + name + " » figure deux fois.");
            }
        }
        for (String required : COLUMNS.subList(0, 3)) {
            if (!columns.containsKey(required)) {
                throw single("Ligne " + number + " : la colonne obligatoire « " + required + " » manque (colonnes"
                        + " obligatoires : id, firstName, lastName).");
            }
        }
        return columns;
    }

    private static Member member(List<String> fields, Map<String, Integer> columns) {
        String birthDate = value(fields, columns, "birthDate", 10, "la date de naissance");
        String email = value(fields, columns, "email", MemberFields.EMAIL_MAX, "l'adresse e-mail");
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new LineError("l'adresse e-mail « " + abbreviate(email) + " » n'est pas valide.");
        }
        return new Member(
                required(fields, columns, "id", MemberFields.ID_MAX, "le numéro de sociétaire (id)"),
                required(fields, columns, "firstName", MemberFields.NAME_MAX, "le prénom (firstName)"),
                required(fields, columns, "lastName", MemberFields.NAME_MAX, "le nom (lastName)"),
                birthDate == null ? null : date(birthDate),
                email,
                value(fields, columns, "phone", MemberFields.PHONE_MAX, "le téléphone"),
                value(fields, columns, "address", MemberFields.ADDRESS_MAX, "l'adresse"),
                value(fields, columns, "city", MemberFields.CITY_MAX, "la ville"),
                value(fields, columns, "policyNumber", MemberFields.POLICY_MAX, "le numéro de contrat"));
    }

    private static String required(
            List<String> fields, Map<String, Integer> columns, String column, int max, String what) {
        String value = value(fields, columns, column, max, what);
        if (value == null) {
            throw new LineError(what + " est obligatoire.");
        }
        return value;
    }

    private static String value(
            List<String> fields, Map<String, Integer> columns, String column, int max, String what) {
        Integer index = columns.get(column);
        if (index == null) {
            return null;
        }
        String value = fields.get(index).strip();
        if (value.isEmpty()) {
            return null;
        }
        if (MemberFields.hasControlCharacters(value)) {
            throw new LineError(what + " contient un caractère de contrôle.");
        }
        if (value.length() > max) {
            throw new LineError(what + " dépasse " + max + " caractères.");
        }
        return value;
    }

    private static LocalDate date(String text) {
        LocalDate date;
        try {
            date = text.contains("/") ? LocalDate.parse(text, FRENCH_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new LineError(
                    "la date de naissance « " + abbreviate(text) + " » n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj).");
        }
        if (date.isAfter(LocalDate.now()) || date.getYear() < 1900) {
            throw new LineError("la date de naissance « " + text + " » n'est pas plausible.");
        }
        return date;
    }

    /** The fields of one line; a field in double quotes may hold the separator, and "" for a quote. */
    static List<String> fields(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"' && field.toString().isBlank()) {
                field.setLength(0);
                i++;
                boolean closed = false;
                while (i < line.length()) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (!closed) {
                    throw new LineError("un guillemet n'est pas fermé (un champ ne peut pas tenir sur deux lignes).");
                }
                while (i < line.length() && line.charAt(i) != separator) {
                    if (!Character.isWhitespace(line.charAt(i))) {
                        throw new LineError("du texte suit un champ entre guillemets.");
                    }
                    i++;
                }
            } else {
                while (i < line.length() && line.charAt(i) != separator) {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++; // the separator
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static Invalid single(String message) {
        return new Invalid(List.of(message), 1);
    }

    /** One line's fault, reported with its number. */
    private static final class LineError extends RuntimeException {
        LineError(String message) {
            super(message, null, false, false);
        }
    }
}
