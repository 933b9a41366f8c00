package org.tandem.drafting;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Asks the model for a draft and stores it. Runs outside any engine transaction: the model may
 * take seconds and no database connection is held meanwhile.
 */
@Service
public class DraftingService {

    private final ChatModel chatModel;
    private final CaseContextRepository contexts;
    private final DraftRepository drafts;

    DraftingService(ChatModel chatModel, CaseContextRepository contexts, DraftRepository drafts) {
        this.chatModel = chatModel;
        this.contexts = contexts;
        this.drafts = drafts;
    }

    /** Idempotent: the same external task and attempt always yield the same stored draft. */
    public Draft draft(long caseId, String externalTaskId, int attempt) {
        Optional<Draft> existing = drafts.findByTask(externalTaskId, attempt);
        if (existing.isPresent()) {
            return existing.get();
        }
        var context = contexts.find(caseId)
                .orElseThrow(() -> new DraftingException("le contexte du dossier " + caseId + " n'a pas été préparé"));
        long start = System.nanoTime();
        ChatResponse response = chatModel.chat(ChatRequest.builder()
                .messages(SystemMessage.from(context.systemPrompt()), UserMessage.from(context.userPrompt()))
                .build());
        long latencyMs = (System.nanoTime() - start) / 1_000_000;
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new DraftingException("le modèle a renvoyé un texte vide");
        }
        boolean offline = chatModel instanceof OfflineDrafter;
        String model = offline ? OfflineDrafter.MODEL_NAME
                : Optional.ofNullable(response.modelName()).orElse("modèle inconnu");
        TokenUsage usage = offline ? null : response.tokenUsage();
        return drafts.saveOnce(caseId, externalTaskId, attempt, text.strip(),
                offline ? Draft.Producer.OFFLINE : Draft.Producer.MODEL, model, context.promptVersion(),
                usage == null ? null : usage.inputTokenCount(), usage == null ? null : usage.outputTokenCount(),
                latencyMs);
    }

    /** A failure of the AI step, with a reason a person reads on the case. */
    public static class DraftingException extends RuntimeException {
        public DraftingException(String message) {
            super(message);
        }
    }
}
