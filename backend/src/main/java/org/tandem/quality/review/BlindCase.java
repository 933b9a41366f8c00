package org.tandem.quality.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.tandem.platform.usecase.ReviewReason;

/**
 * What the second reviewer sees: the request and the AI draft with its sources and flags, as the first
 * reviewer saw them, and the reasons to choose from — not the first decision, the edits nor the final text.
 */
public record BlindCase(
        String taskId,
        long caseId,
        String useCaseKey,
        String useCaseName,
        String useCaseNameEn,
        String subject,
        String message,
        Draft draft,
        List<ReviewReason> reasons) {

    /** The AI draft, shaped as the task screens' draft panel reads it. */
    public record Draft(
            String text,
            String producer,
            String model,
            String producerLabel,
            String promptVersion,
            OffsetDateTime createdAt,
            List<Source> sources,
            List<Flag> flags) {}

    public record Source(
            String id,
            String reference,
            String title,
            String heading,
            String citation,
            String excerpt,
            boolean stale,
            LocalDate lastReviewed) {}

    /** @param severity blocking | warning | info */
    public record Flag(String code, String severity, String message) {}
}
