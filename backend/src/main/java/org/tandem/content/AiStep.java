package org.tandem.content;

/**
 * An AI step of the content processes that a module serves: the external-task topic it works and
 * what it does for a case. The in-process worker fetches every registered topic, with the same
 * retries and the same hand-over to people when the AI fails; adding a kind of AI step touches only
 * its module.
 */
public interface AiStep {

    /** The external task topic of the step in the BPMN. */
    String topic();

    /**
     * Runs the step for the case. Idempotent: the same external task and attempt always yield the
     * same stored draft.
     *
     * @throws DraftingService.DraftingException with a reason a person reads, when the step failed
     */
    Draft run(long caseId, String externalTaskId, int attempt);
}
