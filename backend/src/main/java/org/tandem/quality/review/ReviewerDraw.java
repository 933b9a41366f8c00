package org.tandem.quality.review;

import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The draw of one case for the second review: drawn with probability {@code rate}; then a second reviewer
 * at random among the use case's experts who did not work on the case (never the first reviewer, nor its
 * editor, approver or requester). Pure, so the rate and the exclusion are tested over many draws.
 */
final class ReviewerDraw {

    /** The outcome: not drawn; drawn with a reviewer; or drawn with nobody independent to review it. */
    record Draw(boolean drawn, String reviewer) {
        boolean withoutReviewer() {
            return drawn && reviewer == null;
        }
    }

    private ReviewerDraw() {}

    /**
     * @param experts      the use case's experts, in a stable order
     * @param participants who worked on the case: never drawn
     */
    static Draw draw(RandomGenerator random, double rate, List<String> experts, Set<String> participants) {
        if (!(random.nextDouble() < rate)) {
            return new Draw(false, null);
        }
        List<String> eligible =
                experts.stream().filter(e -> !participants.contains(e)).toList();
        if (eligible.isEmpty()) {
            return new Draw(true, null);
        }
        return new Draw(true, eligible.get(random.nextInt(eligible.size())));
    }
}
