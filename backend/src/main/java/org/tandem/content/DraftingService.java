package org.tandem.content;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.content.drafting.AiBudget;
import org.tandem.content.drafting.CaseContextRepository;
import org.tandem.content.drafting.OfflineDrafter;
import org.tandem.content.drafting.UseCaseConcurrency;
import org.tandem.governance.EntityMode;
import org.tandem.governance.UseCaseEnablement;
import org.tandem.members.Member;
import org.tandem.members.MemberRepository;
import org.tandem.platform.ai.AiFailures;
import org.tandem.platform.ai.ChatModels;
import org.tandem.platform.ai.ModelSettings;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.footprint.ModelCallRecorder;
import org.tandem.platform.guardrails.GuardrailContext;
import org.tandem.platform.guardrails.GuardrailReport;
import org.tandem.platform.guardrails.OutputGuardrails;
import org.tandem.platform.guardrails.RetryDecision;
import org.tandem.platform.guardrails.RetryOnGuardrailFailure;
import org.tandem.platform.guardrails.Violation;
import org.tandem.platform.privacy.MemberIdentity;
import org.tandem.platform.privacy.PromptPseudonymisation;
import org.tandem.platform.privacy.PseudonymisationSession;
import org.tandem.platform.usecase.PromptRegistry;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;

/**
 * Asks the model for a draft and stores it. Runs outside any engine transaction: the model may
 * take seconds and no database connection is held meanwhile.
 *
 * <p>On the way out, the member's personal data are replaced by tokens (unless nothing leaves the
 * JVM); on the way back, the real values are restored and the output guardrails check the text:
 * a fixable breach is sent back to the model once, then whatever remains is shown to the reviewer.
 */
@Service
public class DraftingService {

    private static final Logger log = LoggerFactory.getLogger(DraftingService.class);

    private final ChatModels chatModels;
    private final CaseContextRepository contexts;
    private final CaseRepository cases;
    private final DraftRepository drafts;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final ModelCallRecorder modelCalls;
    private final AiBudget budget;
    private final UseCaseCatalog useCases;
    private final UseCaseConcurrency concurrency;
    private final PromptPseudonymisation privacy;
    private final OutputGuardrails guardrails;
    private final UseCaseEnablement enablement;
    private final MemberRepository members;
    private final PromptRegistry prompts;

    DraftingService(
            ChatModels chatModels,
            CaseContextRepository contexts,
            CaseRepository cases,
            DraftRepository drafts,
            AuditTrail audit,
            TransactionTemplate transaction,
            ModelCallRecorder modelCalls,
            AiBudget budget,
            UseCaseCatalog useCases,
            UseCaseConcurrency concurrency,
            PromptPseudonymisation privacy,
            OutputGuardrails guardrails,
            UseCaseEnablement enablement,
            MemberRepository members,
            PromptRegistry prompts) {
        this.prompts = prompts;
        this.members = members;
        this.enablement = enablement;
        this.chatModels = chatModels;
        this.contexts = contexts;
        this.cases = cases;
        this.drafts = drafts;
        this.audit = audit;
        this.transaction = transaction;
        this.modelCalls = modelCalls;
        this.budget = budget;
        this.useCases = useCases;
        this.concurrency = concurrency;
        this.privacy = privacy;
        this.guardrails = guardrails;
    }

    /** One call to the model: its answer, the model that answered, tokens and time. */
    private record Call(String text, String model, Integer inputTokens, Integer outputTokens, long latencyMs) {}

    /** Idempotent: the same external task and attempt always yield the same stored draft. */
    public Draft draft(long caseId, String externalTaskId, int attempt) {
        Optional<Draft> existing = drafts.findByTask(externalTaskId, attempt);
        if (existing.isPresent()) {
            return existing.get();
        }
        var context = contexts.find(caseId)
                .orElseThrow(() -> new DraftingException("le contexte du dossier " + caseId + " n'a pas été préparé"));
        ContentCase contentCase = cases.findById(caseId)
                .orElseThrow(() -> new DraftingException("le dossier " + caseId + " est introuvable"));
        UseCase useCase = useCases.require(contentCase.useCaseKey());
        // a kill switch pulled or a wave paused after the case opened stops its AI step too
        EntityMode mode = enablement.modeOf(useCase.key(), contentCase.entityCode());
        if (mode.skipsAi()) {
            throw new AiStoppedException(
                    mode == EntityMode.KILLED
                            ? "l'IA a été coupée pour ce cas d'usage"
                            : mode == EntityMode.PAUSED
                                    ? "le déploiement est suspendu pour cette entité"
                                    : "cette entité fait partie du groupe témoin, sans IA");
        }
        AiBudget.Verdict verdict = budget.verdict(useCase);
        if (verdict.refusal() != null) {
            throw new AiStoppedException(verdict.refusal());
        }
        // the model of the case's pre-prompt version: a file naming a new model awaits its evaluation
        String versionModel = prompts.byLabel(context.promptVersion()).model();
        UseCase.AiSettings ai = useCase.aiSettings();
        ModelSettings settings = new ModelSettings(
                verdict.modelOverride() != null ? verdict.modelOverride() : versionModel,
                ai.temperature(),
                ai.maxTokens(),
                ai.timeout());
        ChatModel chatModel = chatModels.forSettings(settings);
        boolean offline = chatModel instanceof OfflineDrafter;
        try (var permit = concurrency
                .tryEnter(useCase)
                .orElseThrow(() -> new AiBusyException(
                        "le cas d'usage « " + useCase.name().fr() + " » a atteint sa limite d'appels simultanés"))) {
            // one session per AI step: the regeneration below reuses the same tokens
            PseudonymisationSession session = privacy.sessionFor(memberIdentity(contentCase.memberId()), offline);
            String system = session.pseudonymise(context.systemPrompt()) + session.promptNote();
            String user = session.pseudonymise(context.userPrompt());
            Call call = call(chatModel, caseId, useCase, context.promptVersion(), system, user, offline);
            String text = session.restore(call.text()).text();
            GuardrailContext situation = GuardrailContext.of(contentCase.subject(), contentCase.message());
            List<Violation> violations = check(useCase, text, situation);
            // the offline drafter writes the same text twice: asking it again would only cost time
            var retry = new RetryOnGuardrailFailure(offline || useCase.extracts() ? 0 : 1);
            RetryDecision decision = retry.decide(violations, 0);
            int regenerations = 0;
            int in = orZero(call.inputTokens());
            int out = orZero(call.outputTokens());
            long latency = call.latencyMs();
            if (decision.action() == RetryDecision.Action.REGENERATE) {
                // the instruction is built from the rules only: nothing of the draft or the member goes back
                call = call(
                        chatModel,
                        caseId,
                        useCase,
                        context.promptVersion(),
                        system,
                        user + decision.instructionFr(),
                        offline);
                text = session.restore(call.text()).text();
                violations = check(useCase, text, situation);
                regenerations = 1;
                decision = retry.decide(violations, regenerations);
                in += orZero(call.inputTokens());
                out += orZero(call.outputTokens());
                latency += call.latencyMs();
            }
            GuardrailReport report = new GuardrailReport(
                    context.injectionFlags(),
                    decision.violations().stream()
                            .map(v -> new GuardrailReport.Finding(v.code().name(), v.blocksApproval(), v.messageFr()))
                            .toList(),
                    decision.action(),
                    regenerations);
            Integer tokensIn = offline || call.inputTokens() == null ? null : in;
            Integer tokensOut = offline || call.outputTokens() == null ? null : out;
            return store(
                    caseId,
                    externalTaskId,
                    attempt,
                    text.strip(),
                    offline,
                    call.model(),
                    context,
                    tokensIn,
                    tokensOut,
                    latency,
                    report,
                    session,
                    verdict);
        }
    }

    private MemberIdentity memberIdentity(String memberId) {
        return memberId == null
                ? MemberIdentity.none()
                : members.findById(memberId).map(Member::identity).orElse(MemberIdentity.none());
    }

    private List<Violation> check(UseCase useCase, String text, GuardrailContext situation) {
        if (text == null || text.isBlank()) {
            throw new DraftingException("le modèle a renvoyé un texte vide");
        }
        // an extraction answers JSON fields, which a person verifies one by one: the letter rules do not apply
        return useCase.extracts() ? List.of() : guardrails.check(text, useCase.guardrailRules(), situation);
    }

    private Call call(
            ChatModel chatModel,
            long caseId,
            UseCase useCase,
            String promptVersion,
            String system,
            String user,
            boolean offline) {
        long start = System.nanoTime();
        ChatResponse response;
        try {
            response = chatModel.chat(ChatRequest.builder()
                    .messages(SystemMessage.from(system), UserMessage.from(user))
                    .build());
        } catch (RuntimeException e) {
            record(() -> modelCalls.recordFailure(
                    caseId,
                    useCase.key(),
                    promptVersion,
                    AiFailures.classify(e),
                    (System.nanoTime() - start) / 1_000_000));
            throw e;
        }
        long latencyMs = (System.nanoTime() - start) / 1_000_000;
        // tokens are paid for even when the text is then refused
        record(() -> modelCalls.recordSuccess(caseId, useCase.key(), promptVersion, response, latencyMs));
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new DraftingException("le modèle a renvoyé un texte vide");
        }
        String model = offline
                ? OfflineDrafter.MODEL_NAME
                : Optional.ofNullable(response.modelName()).orElse("modèle inconnu");
        TokenUsage usage = offline ? null : response.tokenUsage();
        return new Call(
                text,
                model,
                usage == null ? null : usage.inputTokenCount(),
                usage == null ? null : usage.outputTokenCount(),
                latencyMs);
    }

    private Draft store(
            long caseId,
            String externalTaskId,
            int attempt,
            String text,
            boolean offline,
            String model,
            CaseContextRepository.CaseContext context,
            Integer in,
            Integer out,
            long latencyMs,
            GuardrailReport report,
            PseudonymisationSession session,
            AiBudget.Verdict verdict) {
        Draft.Producer producer = offline ? Draft.Producer.OFFLINE : Draft.Producer.MODEL;
        Integer hidden = session.enabled() ? session.tokenCount() : null;
        // the draft and its audit entry are stored together; a re-delivered task adds neither
        return transaction.execute(status -> {
            DraftRepository.Stored stored = drafts.insertOnce(
                    caseId,
                    externalTaskId,
                    attempt,
                    text,
                    producer,
                    model,
                    context.promptVersion(),
                    in,
                    out,
                    latencyMs,
                    context.passages(),
                    report,
                    hidden);
            Draft draft = stored.draft();
            if (stored.now()) {
                var details = new LinkedHashMap<String, Object>();
                details.put("draftId", draft.id());
                details.put("producer", producer.name());
                details.put("model", model);
                details.put("promptVersion", context.promptVersion());
                details.put("inputTokens", in);
                details.put("outputTokens", out);
                details.put("latencyMs", latencyMs);
                details.put(
                        "sources",
                        context.passages().stream()
                                .map(s -> s.id() + " " + s.reference() + " v" + s.documentVersion())
                                .toList());
                details.put("guardrails", report.decision().name());
                details.put("guardrailRegenerations", report.regenerations());
                details.put("pseudonymisedValues", hidden);
                if (verdict.modelOverride() != null) {
                    details.put("smallerModelBecause", verdict.reason());
                }
                audit.append(caseId, "ai:" + model, AuditType.DRAFTED, details, Map.of("text", draft.text()));
            }
            return draft;
        });
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    /** Footprint and cost bookkeeping must never make the worker pay for a second model call. */
    private static void record(Runnable recording) {
        try {
            recording.run();
        } catch (RuntimeException e) {
            log.error("Could not record a model call (footprint and cost figures will miss it)", e);
        }
    }

    /** A failure of the AI step, with a reason a person reads on the case. */
    public static class DraftingException extends RuntimeException {
        public DraftingException(String message) {
            super(message);
        }
    }

    /** The AI must not be called (switched off, budget spent): people take over at once, no retry. */
    public static class AiStoppedException extends DraftingException {
        public AiStoppedException(String message) {
            super(message);
        }
    }

    /** The use case is at its limit of simultaneous calls: the task waits a little, no retry is used up. */
    public static class AiBusyException extends DraftingException {
        public AiBusyException(String message) {
            super(message);
        }
    }
}
