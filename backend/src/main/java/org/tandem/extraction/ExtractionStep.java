package org.tandem.extraction;

import org.springframework.stereotype.Component;
import org.tandem.content.AiStep;
import org.tandem.content.Draft;

/** Extraction's AI step in the content process: topic {@value ExtractionService#TOPIC}. */
@Component
class ExtractionStep implements AiStep {

    private final ExtractionService extraction;

    ExtractionStep(ExtractionService extraction) {
        this.extraction = extraction;
    }

    @Override
    public String topic() {
        return ExtractionService.TOPIC;
    }

    @Override
    public Draft run(long caseId, String externalTaskId, int attempt) {
        return extraction.extract(caseId, externalTaskId, attempt);
    }
}
