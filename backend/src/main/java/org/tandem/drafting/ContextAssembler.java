package org.tandem.drafting;

import org.springframework.stereotype.Service;
import org.tandem.cases.CaseRepository;
import org.tandem.cases.ContentCase;
import org.tandem.extraction.ExtractionPrompt;
import org.tandem.usecase.PromptRegistry;
import org.tandem.usecase.PromptVersion;
import org.tandem.usecase.UseCaseCatalog;

/** Gathers what the AI step is given: the use case's pre-prompt and the request as fenced data. */
@Service
public class ContextAssembler {

    private final CaseRepository cases;
    private final UseCaseCatalog useCases;
    private final CaseContextRepository contexts;
    private final DraftRepository drafts;
    private final PromptRegistry prompts;

    ContextAssembler(CaseRepository cases, UseCaseCatalog useCases, CaseContextRepository contexts,
                     DraftRepository drafts, PromptRegistry prompts) {
        this.cases = cases;
        this.useCases = useCases;
        this.contexts = contexts;
        this.drafts = drafts;
        this.prompts = prompts;
    }

    public void assemble(long caseId) {
        ContentCase contentCase = requireCase(caseId);
        // the version the case started with, even if the use case's file changed since
        PromptVersion prompt = prompts.byLabel(contentCase.promptVersion());
        // an extraction asks for the use case's JSON schema instead of a letter
        String userPrompt = useCases.find(contentCase.useCaseKey())
                .filter(u -> u.outputSchema() != null && !u.outputSchema().isEmpty())
                .map(u -> ExtractionPrompt.render(u, contentCase.subject(), contentCase.message()))
                .orElseGet(() -> prompt(contentCase).render());
        contexts.save(new CaseContextRepository.CaseContext(caseId, prompt.label(), prompt.prePrompt(), userPrompt));
    }

    /** Prepares the next AI step of a case sent back by its reviewer with an instruction. */
    public void prepareRegeneration(long caseId, String instruction) {
        ContentCase contentCase = requireCase(caseId);
        Draft previous = drafts.latestByAi(caseId)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no AI draft to regenerate"));
        contexts.regenerate(caseId, prompt(contentCase).regenerate(previous.text(), instruction).render(), instruction,
                previous.id());
    }

    private static DraftPrompt prompt(ContentCase c) {
        return new DraftPrompt(c.useCaseKey(), c.subject(), c.message());
    }

    private ContentCase requireCase(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No content case " + caseId));
    }
}
