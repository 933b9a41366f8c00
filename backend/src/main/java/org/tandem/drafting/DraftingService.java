package org.tandem.drafting;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.ai.AiFailures;
import org.tandem.audit.AuditTrail;
import org.tandem.audit.AuditType;
import org.tandem.footprint.ModelCallRecorder;
import org.tandem.usecase.UseCaseCatalog;

/**
 * Asks the model for a draft and stores it. Runs outside any engine transaction: the model may
 * take seconds and no database connection is held meanwhile.
 */
@Service
public class DraftingService {

    private static final Logger log = LoggerFactory.getLogger(DraftingService.class);

    private final ChatModel chatModel;
    private final CaseContextRepository contexts;
    private final DraftRepository drafts;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final ModelCallRecorder modelCalls;
    private final AiBudget budget;
    private final UseCaseCatalog useCases;

    DraftingService(ChatModel chatModel, CaseContextRepository contexts, DraftRepository drafts, AuditTrail audit,
                    TransactionTemplate transaction, ModelCallRecorder modelCalls, AiBudget budget,
                    UseCaseCatalog useCases) {
        this.chatModel = chatModel;
        this.contexts = contexts;
        this.drafts = drafts;
        this.audit = audit;
        this.transaction = transaction;
        this.modelCalls = modelCalls;
        this.budget = budget;
        this.useCases = useCases;
    }

    /** Idempotent: the same external task and attempt always yield the same stored draft. */
    public Draft draft(long caseId, String externalTaskId, int attempt) {
        Optional<Draft> existing = drafts.findByTask(externalTaskId, attempt);
        if (existing.isPresent()) {
            return existing.get();
        }
        var context = contexts.find(caseId)
                .orElseThrow(() -> new DraftingException("le contexte du dossier " + caseId + " n'a pas été préparé"));
        String useCaseKey = context.promptVersion().substring(0, context.promptVersion().indexOf('@'));
        useCases.find(useCaseKey).flatMap(budget::refusal).ifPresent(reason -> {
            throw new AiStoppedException(reason);
        });
        long start = System.nanoTime();
        ChatResponse response;
        try {
            response = chatModel.chat(ChatRequest.builder()
                    .messages(SystemMessage.from(context.systemPrompt()), UserMessage.from(context.userPrompt()))
                    .build());
        } catch (RuntimeException e) {
            record(() -> modelCalls.recordFailure(caseId, useCaseKey, context.promptVersion(), AiFailures.classify(e),
                    (System.nanoTime() - start) / 1_000_000));
            throw e;
        }
        long latencyMs = (System.nanoTime() - start) / 1_000_000;
        // tokens are paid for even when the text is then refused
        record(() -> modelCalls.recordSuccess(caseId, useCaseKey, context.promptVersion(), response, latencyMs));
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new DraftingException("le modèle a renvoyé un texte vide");
        }
        boolean offline = chatModel instanceof OfflineDrafter;
        String model = offline ? OfflineDrafter.MODEL_NAME
                : Optional.ofNullable(response.modelName()).orElse("modèle inconnu");
        TokenUsage usage = offline ? null : response.tokenUsage();
        Integer in = usage == null ? null : usage.inputTokenCount();
        Integer out = usage == null ? null : usage.outputTokenCount();
        Draft.Producer producer = offline ? Draft.Producer.OFFLINE : Draft.Producer.MODEL;
        // the draft and its audit entry are stored together; a re-delivered task adds neither
        return transaction.execute(status -> {
            boolean stored = drafts.insertOnce(caseId, externalTaskId, attempt, text.strip(), producer, model,
                    context.promptVersion(), in, out, latencyMs);
            Draft draft = drafts.findByTask(externalTaskId, attempt).orElseThrow();
            if (stored) {
                var details = new LinkedHashMap<String, Object>();
                details.put("draftId", draft.id());
                details.put("producer", producer.name());
                details.put("model", model);
                details.put("promptVersion", context.promptVersion());
                details.put("inputTokens", in);
                details.put("outputTokens", out);
                details.put("latencyMs", latencyMs);
                details.put("text", draft.text());
                audit.append(caseId, "ai:" + model, AuditType.DRAFTED, details);
            }
            return draft;
        });
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
}
