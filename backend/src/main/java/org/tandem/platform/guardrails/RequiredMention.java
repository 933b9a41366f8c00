package org.tandem.platform.guardrails;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mention the draft must contain: a text (found whatever its case and accents) or a regex.
 * In YAML either a plain string, {@code - "Votre conseiller"}, or
 * {@code - {regex: "(?i)salutations|sentiments", label: "une formule de politesse"}}.
 *
 * @param label how the reviewer and the model are told what is missing (defaults to the text)
 */
public record RequiredMention(String text, String regex, String label) {

    public RequiredMention {
        if ((text == null || text.isBlank()) == (regex == null || regex.isBlank())) {
            throw new IllegalArgumentException("A required mention is either a text or a regex");
        }
        if (regex != null) {
            Pattern.compile(regex);
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
            return Pattern.compile(regex).matcher(draft).find();
        }
        return fold(draft).contains(fold(text));
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
    }
}
