package org.tandem.content.drafting;

import org.springframework.stereotype.Component;
import org.tandem.content.AiStep;
import org.tandem.content.Draft;
import org.tandem.content.DraftingService;

/** The AI step that drafts a case's text (topic {@value DraftWorker#TOPIC}). */
@Component
class DraftTextStep implements AiStep {

    private final DraftingService drafting;

    DraftTextStep(DraftingService drafting) {
        this.drafting = drafting;
    }

    @Override
    public String topic() {
        return DraftWorker.TOPIC;
    }

    @Override
    public Draft run(long caseId, String externalTaskId, int attempt) {
        return drafting.draft(caseId, externalTaskId, attempt);
    }
}
