package org.tandem.content;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.tandem.content.drafting.ContextAssembler;
import org.tandem.content.drafting.OfflineDrafter;
import org.tandem.members.Member;
import org.tandem.members.MemberRepository;
import org.tandem.platform.ai.AiFailures;
import org.tandem.platform.ai.ChatModels;
import org.tandem.platform.ai.ModelSettings;
import org.tandem.platform.footprint.ModelCallRecorder;
import org.tandem.platform.footprint.RecordedModelCall;
import org.tandem.platform.guardrails.GuardrailContext;
import org.tandem.platform.guardrails.OutputGuardrails;
import org.tandem.platform.guardrails.Violation;
import org.tandem.platform.privacy.MemberIdentity;
import org.tandem.platform.privacy.PromptPseudonymisation;
import org.tandem.platform.privacy.PseudonymisationSession;
import org.tandem.platform.usecase.PromptVersion;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;

/**
 * Drafts a past case again with another pre-prompt version (or model), for an evaluation before that
 * version serves: the case's request and the knowledge passages its AI step was given, through the
 * configured provider (the offline drafter without one), pseudonymised on the way out and restored on the
 * way back as in the AI step, the output guardrails checked. Stores nothing of the case; the model call is
 * recorded with its cost and footprint (under the use case and the version, with no case).
 */
@Service
public class Redrafting {

    private static final Pattern CITATION = Pattern.compile("\\[(S\\d{1,3})]");

    /**
     * A new draft and its measures.
     *
     * @param findings      the guardrails' findings on it (the AI step would ask the model once more for a fixable one)
     * @param sourcesCited  how many of the passages it was given it cites ([S1]…)
     * @param energyWh      middle of the estimated range; null when the model is not in the footprint catalogue
     */
    public record Redraft(
            String text,
            String model,
            boolean offline,
            List<Violation> findings,
            int sourcesCited,
            BigDecimal costEur,
            Double energyWh,
            long latencyMs) {

        public long blockingFindings() {
            return findings.stream().filter(Violation::blocksApproval).count();
        }
    }

    private final CaseRepository cases;
    private final DraftRepository drafts;
    private final UseCaseCatalog useCases;
    private final ContextAssembler contexts;
    private final ChatModels chatModels;
    private final PromptPseudonymisation privacy;
    private final MemberRepository members;
    private final OutputGuardrails guardrails;
    private final ModelCallRecorder modelCalls;

    Redrafting(
            CaseRepository cases,
            DraftRepository drafts,
            UseCaseCatalog useCases,
            ContextAssembler contexts,
            ChatModels chatModels,
            PromptPseudonymisation privacy,
            MemberRepository members,
            OutputGuardrails guardrails,
            ModelCallRecorder modelCalls) {
        this.cases = cases;
        this.drafts = drafts;
        this.useCases = useCases;
        this.contexts = contexts;
        this.chatModels = chatModels;
        this.privacy = privacy;
        this.members = members;
        this.guardrails = guardrails;
        this.modelCalls = modelCalls;
    }

    /** @throws RuntimeException the provider's failure, already recorded as a failed model call */
    public Redraft redraft(long caseId, PromptVersion version) {
        ContentCase c = cases.findById(caseId).orElseThrow(() -> new IllegalArgumentException("No case " + caseId));
        UseCase useCase = useCases.require(c.useCaseKey());
        List<DraftSource> sources =
                drafts.latestFromAiStep(caseId).map(d -> drafts.sources(d.id())).orElse(List.of());
        UseCase.AiSettings ai = useCase.aiSettings();
        ChatModel model = chatModels.forSettings(
                new ModelSettings(version.model(), ai.temperature(), ai.maxTokens(), ai.timeout()));
        boolean offline = model instanceof OfflineDrafter;
        MemberIdentity identity = c.memberId() == null
                ? MemberIdentity.none()
                : members.findById(c.memberId()).map(Member::identity).orElse(MemberIdentity.none());
        PseudonymisationSession session = privacy.sessionFor(identity, offline);
        String system = session.pseudonymise(version.prePrompt()) + session.promptNote();
        String user = session.pseudonymise(contexts.userPrompt(c, useCase, sources));
        long start = System.nanoTime();
        ChatResponse response;
        try {
            response = model.chat(ChatRequest.builder()
                    .messages(SystemMessage.from(system), UserMessage.from(user))
                    .build());
        } catch (RuntimeException e) {
            modelCalls.recordFailure(
                    null,
                    useCase.key(),
                    version.label(),
                    AiFailures.classify(e),
                    (System.nanoTime() - start) / 1_000_000);
            throw e;
        }
        long latencyMs = (System.nanoTime() - start) / 1_000_000;
        RecordedModelCall recorded =
                modelCalls.recordSuccess(null, useCase.key(), version.label(), response, latencyMs);
        String answer =
                response.aiMessage() == null ? null : response.aiMessage().text();
        if (answer == null || answer.isBlank()) {
            throw new DraftingService.DraftingException("le modèle a renvoyé un texte vide");
        }
        String text = session.restore(answer).text().strip();
        List<Violation> findings = useCase.extracts()
                ? List.of()
                : guardrails.check(text, useCase.guardrailRules(), GuardrailContext.of(c.subject(), c.message()));
        Set<String> given = new TreeSet<>(sources.stream().map(DraftSource::id).toList());
        Set<String> cited = new TreeSet<>();
        Matcher m = CITATION.matcher(text);
        while (m.find()) {
            if (given.contains(m.group(1))) {
                cited.add(m.group(1));
            }
        }
        var footprint = recorded.footprint();
        return new Redraft(
                text,
                offline ? OfflineDrafter.MODEL_NAME : recorded.call().model(),
                offline,
                findings,
                cited.size(),
                recorded.costEur(),
                footprint == null
                        ? null
                        : (footprint.energyWh().min() + footprint.energyWh().max()) / 2,
                latencyMs);
    }
}
