package org.tandem.platform.usecase;

import java.util.regex.Pattern;

/**
 * One version of a use case's pre-prompt, as recorded on every draft ("reply-letter@v2"). A version may
 * tie the text to a model (the use case file's {@code ai.model}); null keeps the provider's model.
 */
public record PromptVersion(String useCaseKey, int version, String prePrompt, String model) {

    private static final Pattern VERSION_NUMBER = Pattern.compile("\\d{1,9}");

    public PromptVersion(String useCaseKey, int version, String prePrompt) {
        this(useCaseKey, version, prePrompt, null);
    }

    public String label() {
        return label(useCaseKey, version);
    }

    public static String label(String useCaseKey, int version) {
        return useCaseKey + "@v" + version;
    }

    /** The use case key and version number of a label such as "reply-letter@v2"; refused otherwise. */
    public static Label parse(String label) {
        int at = label == null ? -1 : label.lastIndexOf("@v");
        if (at <= 0 || !VERSION_NUMBER.matcher(label.substring(at + 2)).matches()) {
            throw new IllegalArgumentException("Not a pre-prompt version label: " + label);
        }
        return new Label(label.substring(0, at), Integer.parseInt(label.substring(at + 2)));
    }

    /** A version's address: its use case and number. */
    public record Label(String useCaseKey, int version) {
        @Override
        public String toString() {
            return PromptVersion.label(useCaseKey, version);
        }
    }
}
