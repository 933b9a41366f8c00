package org.tandem.drafting;

import org.springframework.stereotype.Service;
import org.tandem.cases.CaseRepository;
import org.tandem.cases.ContentCase;
import org.tandem.usecase.UseCase;
import org.tandem.usecase.UseCaseCatalog;

/** Gathers what the AI step is given: the use case's pre-prompt and the request as fenced data. */
@Service
public class ContextAssembler {

    private final CaseRepository cases;
    private final UseCaseCatalog useCases;
    private final CaseContextRepository contexts;

    ContextAssembler(CaseRepository cases, UseCaseCatalog useCases, CaseContextRepository contexts) {
        this.cases = cases;
        this.useCases = useCases;
        this.contexts = contexts;
    }

    public void assemble(long caseId) {
        ContentCase contentCase = cases.findById(caseId)
                .orElseThrow(() -> new IllegalStateException("No content case " + caseId));
        UseCase useCase = useCases.find(contentCase.useCaseKey())
                .orElseThrow(() -> new IllegalStateException("Unknown use case " + contentCase.useCaseKey()));
        String userPrompt = new DraftPrompt(useCase.key(), contentCase.subject(), contentCase.message()).render();
        contexts.save(new CaseContextRepository.CaseContext(caseId, useCase.promptVersion(), useCase.prePrompt(), userPrompt));
    }
}
