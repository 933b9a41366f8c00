package org.tandem.content;

/**
 * The outcome of the disclosure policy (proposal 25): fully AI; AI validated by an employee;
 * written by the employee with AI suggestions (no label).
 */
public record DisclosureDecision(Category category, String label, boolean citeSources) {

    public enum Category {
        AI_ONLY,
        AI_VALIDATED,
        HUMAN_WITH_AI
    }
}
