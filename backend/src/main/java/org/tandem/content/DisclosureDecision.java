package org.tandem.content;

/**
 * The outcome of the disclosure policy (proposal 25), decided by processes/disclosure-policy.dmn from
 * measured facts: whether an employee checked the content, and the share of its final text that a
 * generative model wrote (0 when no model wrote a draft the text descends from).
 */
public record DisclosureDecision(Category category, String label, boolean citeSources) {

    public enum Category {
        /** A model wrote it and it reached the member with no person reading it first; labelled, sources cited. */
        AI_ONLY,
        /** At least half of the final text is a model's words; an employee read and approved it; labelled. */
        AI_VALIDATED,
        /** A model wrote a draft, an employee approved a text of which less than half is the model's; no label. */
        HUMAN_WITH_AI,
        /**
         * No word of the text comes from a generative model: written by hand, without AI step, or from the
         * use case's fixed template that the offline drafter fills in; no label.
         */
        HUMAN;

        /** Whether a generative model wrote any of the text. */
        public boolean involvesModel() {
            return this != HUMAN;
        }
    }
}
