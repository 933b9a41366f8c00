package org.tandem.content;

import org.tandem.content.review.AiShare;
import org.tandem.content.review.EditMeasure;

/**
 * How far a text is from another, as the case metrics measure it (normalised Levenshtein distance in
 * characters or words, 0 = unchanged, 1 = rewritten; the AI's share of a final text), for other modules
 * that compare texts the same way (the quality loop's evaluations).
 */
public final class EditMeasures {

    private EditMeasures() {}

    public static double characters(String from, String to) {
        return EditMeasure.characters(from, to);
    }

    public static double words(String from, String to) {
        return EditMeasure.words(from, to);
    }

    public static double aiShare(String aiDraft, String finalText) {
        return AiShare.of(aiDraft, finalText);
    }
}
