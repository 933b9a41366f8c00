package org.tandem.platform.usecase;

/** One version of a use case's pre-prompt, as recorded on every draft ("reply-letter@v2"). */
public record PromptVersion(String useCaseKey, int version, String prePrompt) {

    public String label() {
        return useCaseKey + "@v" + version;
    }
}
