package org.tandem.extraction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.platform.usecase.UseCase;

/**
 * Used when no model provider is configured: fills the schema from the use case's regular
 * expressions ({@code offlinePatterns}). No model reads the document, and every value it gives is
 * labelled as such; a field whose pattern does not match is null.
 */
public final class OfflineExtractor {

    public static final String MODEL_NAME = "offline-extractor";
    public static final String LABEL = "extraction hors-ligne par motifs — aucun modèle d'IA";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OfflineExtractor() {}

    /** Where a pattern found a value: the value as written and its span in the document. */
    public record Found(String text, int start, int end) {}

    public static String extract(UseCase useCase, String document) {
        ObjectNode out = JSON.createObjectNode();
        for (UseCase.FieldSpec field : useCase.outputSchema()) {
            Optional<Found> found = find(useCase, field.name(), document);
            if (found.isEmpty()) {
                out.putNull(field.name());
                continue;
            }
            String text = found.get().text();
            try {
                switch (field.type()) {
                    case integer -> out.put(field.name(), Integer.parseInt(text));
                    case number -> out.put(field.name(), new BigDecimal(text.replace(',', '.')));
                    default -> out.put(field.name(), text);
                }
            } catch (NumberFormatException e) {
                out.put(field.name(), text);
            }
        }
        return out.toString();
    }

    public static Optional<Found> find(UseCase useCase, String field, String document) {
        if (useCase.offlinePatterns() == null || !useCase.offlinePatterns().containsKey(field) || document == null) {
            return Optional.empty();
        }
        Matcher m = pattern(useCase.offlinePatterns().get(field)).matcher(document);
        if (!m.find() || m.groupCount() < 1 || m.group(1) == null) {
            return Optional.empty();
        }
        return Optional.of(new Found(m.group(1), m.start(1), m.end(1)));
    }

    static Pattern pattern(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE);
    }
}
