package org.tandem.platform.usecase;

/**
 * A GenAI use case, read from a file in processes/use-cases/ that its business owner can read.
 * Its pre-prompt is versioned by {@link PromptRegistry}; every draft records the version it used.
 *
 * @param retention how long a case of this use case keeps its personal data after it closes (ISO-8601
 *                  period, e.g. P2Y); then the daily {@code data-retention} process erases them (issue 16)
 * @param answerWithin how long the case has to be answered, in business days (French public holidays
 *                  and weekends skipped): {@code P10D} is ten business days; null: no deadline (issue 19)
 * @param escalation what happens when a task of the case is overdue: REASSIGN (default) the task to a
 *                  manager of the team, or TASK, a separate « Tâche en retard » for the manager
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
        java.util.Map<String, String> offlinePatterns,
        java.util.List<String> knowledgeCollections,
        Integer knowledgePassages,
        org.tandem.platform.guardrails.GuardrailRules guardrails,
        String disclosureChannel,
        Boolean memberRequired,
        java.time.Period retention,
        java.time.Period answerWithin,
        Escalation escalation) {

    public UseCase {
        knowledgeCollections =
                knowledgeCollections == null ? java.util.List.of() : java.util.List.copyOf(knowledgeCollections);
    }

    /** A use case built in code (tests) before deadlines existed: no answer time. */
    public UseCase(
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
            java.util.Map<String, String> offlinePatterns,
            java.util.List<String> knowledgeCollections,
            Integer knowledgePassages,
            org.tandem.platform.guardrails.GuardrailRules guardrails,
            String disclosureChannel,
            Boolean memberRequired,
            java.time.Period retention) {
        this(
                key,
                name,
                description,
                category,
                capability,
                expertGroup,
                approverGroup,
                fourEyes,
                maxRegenerations,
                onReject,
                ai,
                process,
                chatbot,
                prePrompt,
                offlineTemplate,
                outputSchema,
                offlinePatterns,
                knowledgeCollections,
                knowledgePassages,
                guardrails,
                disclosureChannel,
                memberRequired,
                retention,
                null,
                null);
    }

    /** A use case built in code (tests) before retention existed: no retention period. */
    public UseCase(
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
            java.util.Map<String, String> offlinePatterns,
            java.util.List<String> knowledgeCollections,
            Integer knowledgePassages,
            org.tandem.platform.guardrails.GuardrailRules guardrails,
            String disclosureChannel,
            Boolean memberRequired) {
        this(
                key,
                name,
                description,
                category,
                capability,
                expertGroup,
                approverGroup,
                fourEyes,
                maxRegenerations,
                onReject,
                ai,
                process,
                chatbot,
                prePrompt,
                offlineTemplate,
                outputSchema,
                offlinePatterns,
                knowledgeCollections,
                knowledgePassages,
                guardrails,
                disclosureChannel,
                memberRequired,
                (java.time.Period) null);
    }

    /** How many knowledge passages the AI step is given (none when the use case names no collection). */
    public int passageCount() {
        if (knowledgeCollections.isEmpty()) {
            return 0;
        }
        return knowledgePassages == null ? 5 : Math.max(0, Math.min(knowledgePassages, 10));
    }

    /** The use case's rules for its drafts; the rules every draft obeys when it states none. */
    public org.tandem.platform.guardrails.GuardrailRules guardrailRules() {
        return guardrails == null ? org.tandem.platform.guardrails.GuardrailRules.none() : guardrails;
    }

    /** A request concerns a member unless the use case says otherwise (the AMI assistant answers about rules). */
    public boolean requiresMember() {
        return memberRequired == null || memberRequired;
    }

    /** An extraction answers with JSON fields rather than a text for a person. */
    public boolean extracts() {
        return outputSchema != null && !outputSchema.isEmpty();
    }

    /** One field of an extraction use case's output: its JSON name, a French label, a type, optional or not. */
    public record FieldSpec(String name, String label, FieldType type, Boolean optional) {
        public boolean isOptional() {
            return optional != null && optional;
        }
    }

    public enum FieldType {
        string,
        date,
        number,
        integer
    }

    /** Whether an adviser may file it « sans IA » and write it by hand: the content process has that path. */
    public boolean handWritable() {
        return processKey().equals("content");
    }

    /** The BPMN process a case of this use case runs (default: the content process). */
    public String processKey() {
        return process == null || process.isBlank() ? "content" : process;
    }

    /**
     * Member chatbot settings: the share of answers an expert reviews after the fact, and how long
     * the member may ask for a person (ISO-8601 duration).
     */
    public record Chatbot(Double sampleRate, String conversationWindow) {}

    /**
     * The AI step of this use case: a switch (the crisis plan's "turn it off"), a monthly budget and
     * what happens when it is spent, and the model settings (null: the provider's configured ones).
     *
     * @param whenBudgetSpent HAND_DRAFT (default): people write; SMALLER_MODEL: {@code smallerModel} drafts
     *                        for the rest of the month
     * @param concurrency     at most this many model calls of the use case at once (null: the worker's limit)
     */
    public record AiSettings(
            Boolean enabled,
            Long monthlyTokenBudget,
            java.math.BigDecimal monthlyEuroBudget,
            BudgetFallback whenBudgetSpent,
            String smallerModel,
            String model,
            Double temperature,
            Integer maxTokens,
            java.time.Duration timeout,
            Integer concurrency) {

        public AiSettings(Boolean enabled, Long monthlyTokenBudget, java.math.BigDecimal monthlyEuroBudget) {
            this(enabled, monthlyTokenBudget, monthlyEuroBudget, null, null, null, null, null, null, null);
        }

        public boolean isEnabled() {
            return enabled == null || enabled;
        }

        public BudgetFallback budgetFallback() {
            return whenBudgetSpent == null || smallerModel == null || smallerModel.isBlank()
                    ? BudgetFallback.HAND_DRAFT
                    : whenBudgetSpent;
        }

        /** The model call's settings; {@code modelOverride} replaces the model (the smaller one). */
        public org.tandem.platform.ai.ModelSettings modelSettings(String modelOverride) {
            return new org.tandem.platform.ai.ModelSettings(
                    modelOverride != null ? modelOverride : model, temperature, maxTokens, timeout);
        }
    }

    public enum BudgetFallback {
        HAND_DRAFT,
        SMALLER_MODEL
    }

    public AiSettings aiSettings() {
        return ai == null ? new AiSettings(true, null, null) : ai;
    }

    /** What a rejected draft leads to: the case ends, or people write the content by hand. */
    public enum RejectOutcome {
        END,
        HAND_DRAFT
    }

    /** How many times an expert may send a draft back to the AI before people write it (default 2). */
    public int regenerationLimit() {
        return maxRegenerations == null ? 2 : maxRegenerations;
    }

    public RejectOutcome rejectOutcome() {
        return onReject == null ? RejectOutcome.END : onReject;
    }

    /** What an overdue task of the use case leads to (issue 19). */
    public enum Escalation {
        /** The task is assigned to a manager of the team. */
        REASSIGN,
        /** The manager receives a separate task « Tâche en retard »; the late task stays where it is. */
        TASK
    }

    /** The use case's escalation, REASSIGN unless its file says otherwise. */
    public Escalation escalationMode() {
        return escalation == null ? Escalation.REASSIGN : escalation;
    }

    /** Whether the use case's cases have a due date. */
    public boolean hasDeadline() {
        return answerWithin != null;
    }

    /** A text in French first, English second. */
    public record Text(String fr, String en) {}
}
