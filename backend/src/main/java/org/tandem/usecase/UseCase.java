package org.tandem.usecase;

/**
 * A GenAI use case, read from a file in processes/use-cases/ that its business owner can read.
 * Its pre-prompt is versioned by {@link PromptRegistry}; every draft records the version it used.
 */
public record UseCase(
        String key,
        Text name,
        Text description,
        String category,
        String capability,
        String expertGroup,
        String approverGroup,
        boolean fourEyes,
        Integer maxRegenerations,
        RejectOutcome onReject,
        AiSettings ai,
        String process,
        Chatbot chatbot,
        String prePrompt,
        String offlineTemplate,
        java.util.List<FieldSpec> outputSchema,
        java.util.Map<String, String> offlinePatterns) {

    /** One field of an extraction use case's output: its JSON name, a French label, a type, optional or not. */
    public record FieldSpec(String name, String label, FieldType type, Boolean optional) {
        public boolean isOptional() {
            return optional != null && optional;
        }
    }

    public enum FieldType { string, date, number, integer }

    /** The BPMN process a case of this use case runs (default: the content process). */
    public String processKey() {
        return process == null || process.isBlank() ? "content" : process;
    }

    /**
     * Member chatbot settings: the share of answers an expert reviews after the fact, and how long
     * the member may ask for a person (ISO-8601 duration).
     */
    public record Chatbot(Double sampleRate, String conversationWindow) {
    }

    /**
     * The AI step of this use case: a switch (the crisis plan's "turn it off") and a monthly budget;
     * when either stops the AI, the case goes to people.
     */
    public record AiSettings(Boolean enabled, Long monthlyTokenBudget, java.math.BigDecimal monthlyEuroBudget) {
        public boolean isEnabled() {
            return enabled == null || enabled;
        }
    }

    public AiSettings aiSettings() {
        return ai == null ? new AiSettings(true, null, null) : ai;
    }

    /** What a rejected draft leads to: the case ends, or people write the content by hand. */
    public enum RejectOutcome { END, HAND_DRAFT }

    /** How many times an expert may send a draft back to the AI before people write it (default 2). */
    public int regenerationLimit() {
        return maxRegenerations == null ? 2 : maxRegenerations;
    }

    public RejectOutcome rejectOutcome() {
        return onReject == null ? RejectOutcome.END : onReject;
    }

    /** A text in French first, English second. */
    public record Text(String fr, String en) {
    }
}
