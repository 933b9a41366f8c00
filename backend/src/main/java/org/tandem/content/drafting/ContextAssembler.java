package org.tandem.content.drafting;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.tandem.content.AnswerKind;
import org.tandem.content.CaseRepository;
import org.tandem.content.ContentCase;
import org.tandem.content.Draft;
import org.tandem.content.DraftRepository;
import org.tandem.content.DraftSource;
import org.tandem.platform.guardrails.GuardrailReport;
import org.tandem.platform.guardrails.InjectionDetector;
import org.tandem.platform.usecase.PromptRegistry;
import org.tandem.platform.usecase.PromptVersion;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;

/**
 * Gathers what the AI step is given: the use case's pre-prompt, the request as fenced data and the
 * knowledge passages with their sources; flags what in them tries to instruct the model.
 */
@Service
public class ContextAssembler {

    static final String KNOWLEDGE_UNAVAILABLE = "KNOWLEDGE_UNAVAILABLE";

    private final CaseRepository cases;
    private final UseCaseCatalog useCases;
    private final CaseContextRepository contexts;
    private final DraftRepository drafts;
    private final PromptRegistry prompts;
    private final KnowledgeSources knowledge;
    private final InjectionDetector injections;
    private final List<AnswerKind> answerKinds;

    ContextAssembler(
            CaseRepository cases,
            UseCaseCatalog useCases,
            CaseContextRepository contexts,
            DraftRepository drafts,
            PromptRegistry prompts,
            KnowledgeSources knowledge,
            InjectionDetector injections,
            List<AnswerKind> answerKinds) {
        this.answerKinds = answerKinds;
        this.cases = cases;
        this.useCases = useCases;
        this.contexts = contexts;
        this.drafts = drafts;
        this.prompts = prompts;
        this.knowledge = knowledge;
        this.injections = injections;
    }

    public void assemble(long caseId) {
        ContentCase contentCase = requireCase(caseId);
        UseCase useCase = useCases.require(contentCase.useCaseKey());
        // the version the case started with, even if the use case's file changed since
        PromptVersion prompt = prompts.byLabel(contentCase.promptVersion());
        List<GuardrailReport.Finding> flags = new ArrayList<>();
        List<DraftSource> sources;
        try {
            sources = knowledge.forRequest(useCase, contentCase.subject(), contentCase.message());
        } catch (KnowledgeSources.KnowledgeUnavailableException e) {
            sources = List.of();
            flags.add(new GuardrailReport.Finding(
                    KNOWLEDGE_UNAVAILABLE,
                    false,
                    "La base de connaissances n'a pas "
                            + "répondu : le brouillon a été rédigé sans sources. Vérifiez les règles citées."));
        }
        injections
                .scan(contentCase.subject() + "\n" + contentCase.message())
                .forEach(f -> flags.add(new GuardrailReport.Finding(f.code(), false, f.messageFr())));
        for (DraftSource s : sources) {
            injections
                    .scan(s.text())
                    .forEach(f -> flags.add(new GuardrailReport.Finding(
                            f.code(), false, "Source [" + s.id() + "] " + s.reference() + " : " + f.messageFr())));
        }
        // a kind of answer other than a text (an extraction's fields) puts its own question
        List<DraftSource> passages = sources;
        String userPrompt = answerKinds.stream()
                .filter(kind -> kind.serves(useCase))
                .findFirst()
                .map(kind -> kind.userPrompt(useCase, contentCase.subject(), contentCase.message()))
                .orElseGet(() -> prompt(contentCase, passages).render());
        contexts.save(new CaseContextRepository.CaseContext(
                caseId, prompt.label(), prompt.prePrompt(), userPrompt, sources, flags));
    }

    /**
     * The request as the AI step puts it to the model, for a case and the passages it is given: what an
     * evaluation of another pre-prompt version sends again (the offline drafter reads the same format).
     */
    public String userPrompt(ContentCase contentCase, UseCase useCase, List<DraftSource> passages) {
        return answerKinds.stream()
                .filter(kind -> kind.serves(useCase))
                .findFirst()
                .map(kind -> kind.userPrompt(useCase, contentCase.subject(), contentCase.message()))
                .orElseGet(() -> prompt(contentCase, passages).render());
    }

    /** Prepares the next AI step of a case sent back by its reviewer with an instruction. */
    public void prepareRegeneration(long caseId, String instruction) {
        ContentCase contentCase = requireCase(caseId);
        Draft previous = drafts.latestFromAiStep(caseId)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no AI draft to regenerate"));
        List<DraftSource> sources = contexts.find(caseId)
                .map(CaseContextRepository.CaseContext::passages)
                .orElse(List.of());
        contexts.regenerate(
                caseId,
                prompt(contentCase, sources)
                        .regenerate(previous.text(), instruction)
                        .render(),
                instruction,
                previous.id());
    }

    private static DraftPrompt prompt(ContentCase c, List<DraftSource> sources) {
        return new DraftPrompt(
                c.useCaseKey(),
                c.subject(),
                c.message(),
                sources.stream()
                        .map(s -> new DraftPrompt.Source(s.id(), s.citation(), s.text()))
                        .toList());
    }

    private ContentCase requireCase(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No content case " + caseId));
    }
}
