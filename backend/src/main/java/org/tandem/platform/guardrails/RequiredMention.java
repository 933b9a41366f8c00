package org.tandem.platform.guardrails;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A mention the draft must contain: a text (found whatever its case and accents) or a regex.
 * In YAML either a plain string, {@code - "Votre conseiller"}, or
 * {@code - {regex: "(?i)salutations|sentiments", label: "une formule de politesse"}}.
 *
 * @param label how the reviewer and the model are told what is missing (defaults to the text)
 */
public record RequiredMention(String text, String regex, String label) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Each regex compiled once: every draft of the use case is checked against it (issue 18). */
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    public RequiredMention {
        if ((text == null || text.isBlank()) == (regex == null || regex.isBlank())) {
            throw new IllegalArgumentException("A required mention is either a text or a regex");
        }
        if (regex != null) {
            COMPILED.computeIfAbsent(regex, Pattern::compile);
        }
        if (label == null || label.isBlank()) {
            label = text != null ? "« " + text + " »" : regex;
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RequiredMention text(String text) {
        return new RequiredMention(text, null, null);
    }

    public static RequiredMention regex(String regex, String label) {
        return new RequiredMention(null, regex, label);
    }

    boolean isIn(String draft) {
        if (regex != null) {
            return COMPILED.computeIfAbsent(regex, Pattern::compile)
                    .matcher(draft)
                    .find();
        }
        return fold(draft).contains(fold(text));
    }

    private static String fold(String s) {
        String folded = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(folded).replaceAll(" ");
    }
}
