package org.tandem.platform.usecase;

import java.util.List;
import java.util.Optional;

/**
 * A use case's settings of the quality loop (its file's {@code quality:} block, else the defaults of
 * {@code tandem.quality.*}): the reasons offered to reviewers, the second review's sampling rates, the
 * size of the reference set a new pre-prompt version is evaluated on, and the reading-speed floor.
 *
 * @param secondReviewRate            share of disclosed content whose AI draft was corrected or rejected
 *                                    that a second expert rates blind
 * @param acceptedUnchangedRate       the same for content whose AI draft was accepted unchanged
 * @param referenceCases              how many of the use case's last approved cases an evaluation drafts again
 * @param readingFloorMsPer1000Chars  a decision after displaying a text for less than this per 1,000
 *                                    characters asks for a confirmation (0: no floor)
 */
public record QualitySettings(
        List<ReviewReason> reasons,
        double secondReviewRate,
        double acceptedUnchangedRate,
        int referenceCases,
        long readingFloorMsPer1000Chars) {

    public QualitySettings {
        reasons = List.copyOf(reasons);
    }

    public Optional<ReviewReason> reason(String code) {
        return reasons.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The shortest display time of a text of {@code characters} characters that is not under the floor. */
    public long readingFloorMs(int characters) {
        return Math.round(readingFloorMsPer1000Chars * Math.max(0, characters) / 1000.0);
    }
}
