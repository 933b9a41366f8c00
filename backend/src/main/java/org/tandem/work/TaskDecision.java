package org.tandem.work;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.tandem.platform.web.ApiException;

/**
 * What a person decides on a task. Review: ACCEPT, EDIT, REGENERATE (instruction), REJECT (reason).
 * Edit and hand-drafting: SUBMIT (text). Approval: APPROVE, RETURN (reason). AMI answer: ACCEPT (useful),
 * REJECT (reason), ASK_EXPERT (the question, as instruction). A correction may carry structured
 * {@code reasons} (codes of the use case's set) beside the free text; {@code confirmFastApproval}
 * confirms an approval the reading-speed floor questioned; {@code displayedMs} reports the full display
 * of the text and its sources with the decision (see {@link DraftDisplays}).
 */
public record TaskDecision(
        @NotNull(message = "Indiquez votre décision.") Decision decision,

        @Size(max = 50000, message = "Le texte ne doit pas dépasser 50 000 caractères.")
        String text,

        @Size(max = 2000, message = "La consigne ne doit pas dépasser 2 000 caractères.")
        String instruction,

        @Size(max = 2000, message = "Le motif ne doit pas dépasser 2 000 caractères.")
        String reason,

        @Size(max = 12, message = "Choisissez au plus 12 motifs.")
        List<@Size(max = 64, message = "Ce motif est inconnu.") String> reasons,

        Boolean confirmFastApproval,

        // the screen's last report of the full display, sent with the decision instead of in a request of its own
        @Min(value = 0, message = "Le temps passé ne peut pas être négatif.")
        @Max(value = DraftDisplays.MAX_MS, message = "Le temps passé ne peut pas dépasser une journée.")
        Long displayedMs) {

    public TaskDecision {
        reasons = reasons == null
                ? List.of()
                : reasons.stream().filter(java.util.Objects::nonNull).toList();
    }

    public TaskDecision(
            Decision decision,
            String text,
            String instruction,
            String reason,
            List<String> reasons,
            Boolean confirmFastApproval) {
        this(decision, text, instruction, reason, reasons, confirmFastApproval, null);
    }

    public TaskDecision(Decision decision, String text, String instruction, String reason) {
        this(decision, text, instruction, reason, List.of(), null);
    }

    public TaskDecision(Decision decision, String text) {
        this(decision, text, null, null);
    }

    /** Whether the person confirmed a decision taken faster than the reading-speed floor. */
    public boolean fastApprovalConfirmed() {
        return Boolean.TRUE.equals(confirmFastApproval);
    }

    public enum Decision {
        ACCEPT,
        EDIT,
        REGENERATE,
        REJECT,
        SUBMIT,
        APPROVE,
        RETURN,
        ASK_EXPERT
    }

    /** The field's value, stripped; refused with {@code message} on that field when it is blank. */
    public static String require(String field, String value, String message) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, message);
        }
        return value.strip();
    }

    /** The refusal of a decision that the task does not offer. */
    public ApiException notPossibleOn(Task task) {
        return ApiException.invalidField(
                "decision",
                "La décision « " + decision + " » n'est pas possible sur la tâche « " + task.getName() + " ».");
    }
}
