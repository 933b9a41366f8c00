package org.tandem.quality.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.tandem.platform.usecase.ReviewReason;

/**
 * What the second reviewer sees: the request and the AI draft with its sources and flags, as the first
 * reviewer saw them, and the reasons to choose from — not the first decision, the edits nor the final text.
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "BlindCase")
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
    @io.swagger.v3.oas.annotations.media.Schema(name = "BlindDraft")
    public record Draft(
            String text,

            @io.swagger.v3.oas.annotations.media.Schema(implementation = org.tandem.content.Draft.Producer.class)
            String producer,

            String model,
            String producerLabel,
            String promptVersion,
            OffsetDateTime createdAt,
            List<Source> sources,
            List<Flag> flags) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "BlindSource")
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
    @io.swagger.v3.oas.annotations.media.Schema(name = "BlindFlag")
    public record Flag(
            String code,

            @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"blocking", "warning", "info"})
            String severity,

            String message) {}
}
