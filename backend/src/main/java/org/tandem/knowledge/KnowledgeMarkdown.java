package org.tandem.knowledge;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a knowledge document kept as a Markdown file with a small front matter:
 * <pre>
 * ---
 * reference: PROD-AUTO-01
 * title: Assurance auto — formules et garanties
 * collection: produits
 * owner: bob
 * owner_group: member-relations-experts
 * last_reviewed: 2026-09-15
 * review_interval_days: 365
 * ---
 * # Title
 * ## Section …
 * </pre>
 */
public final class KnowledgeMarkdown {

    private KnowledgeMarkdown() {}

    public static DocumentInput parse(String name, String content) {
        String text = content.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new IllegalArgumentException(name + ": the file must start with a front matter between --- lines");
        }
        int end = text.indexOf("\n---\n", 4);
        if (end < 0) {
            throw new IllegalArgumentException(name + ": the front matter is not closed by a --- line");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        }
        try {
            return new DocumentInput(
                    required(name, fields, "reference"),
                    required(name, fields, "collection"),
                    required(name, fields, "title"),
                    text.substring(end + 5).strip(),
                    required(name, fields, "owner"),
                    required(name, fields, "owner_group"),
                    LocalDate.parse(required(name, fields, "last_reviewed")),
                    Integer.valueOf(required(name, fields, "review_interval_days")));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static String required(String name, Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + ": the front matter has no " + key);
        }
        return value;
    }
}
