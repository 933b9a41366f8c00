package org.tandem.content.drafting;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.util.List;
import java.util.Map;
import org.tandem.content.AnswerKind;
import org.tandem.platform.ai.OfflineModel;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;

/**
 * The built-in drafter used when no model provider is configured. No model writes anything: it
 * fills the use case's template with the request, and says so everywhere its draft appears.
 * Its footprint is zero.
 */
public class OfflineDrafter implements ChatModel {

    public static final String MODEL_NAME = OfflineModel.NAME;
    public static final String LABEL = "brouillon hors-ligne — aucun modèle d'IA";

    private final UseCaseCatalog useCases;
    private final List<AnswerKind> answerKinds;

    public OfflineDrafter(UseCaseCatalog useCases, List<AnswerKind> answerKinds) {
        this.useCases = useCases;
        this.answerKinds = List.copyOf(answerKinds);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        DraftPrompt prompt = DraftPrompt.parse(lastUserText(request));
        UseCase useCase = useCases.find(prompt.useCaseKey())
                .orElseThrow(() -> new IllegalArgumentException("Unknown use case in prompt: " + prompt.useCaseKey()));
        for (AnswerKind kind : answerKinds) {
            if (kind.serves(useCase)) {
                // e.g. an extraction: the use case's patterns fill the schema (labelled: no model read the document)
                return response(kind.offlineAnswer(useCase, prompt.memberMessage()));
            }
        }
        String template =
                useCase.offlineTemplate() == null ? "{subject}\n\n{messageExcerpt}" : useCase.offlineTemplate();
        String text = fill(
                template,
                Map.of(
                        "subject", prompt.subject(),
                        "salutation", "Madame, Monsieur",
                        "messageExcerpt", excerpt(prompt.memberMessage(), 300),
                        "message", prompt.memberMessage(),
                        "sources", sources(prompt.sources())));
        if (!template.contains("{sources}") && !prompt.sources().isEmpty()) {
            // the passages found are worth as much as the template: the reviewer checks and reuses them
            text = text.strip() + "\n\nSources de la base de connaissances à vérifier :\n"
                    + citations(prompt.sources());
        }
        if (prompt.instruction() != null) {
            // no model can apply the instruction: say so instead of pretending
            text = text.strip() + "\n\n[Consigne de l'expert, à appliquer par un collaborateur — aucun modèle d'IA "
                    + "n'a pu la prendre en compte : " + prompt.instruction() + "]";
        }
        return response(text.strip());
    }

    private static ChatResponse response(String text) {
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(text))
                .modelName(MODEL_NAME)
                .finishReason(FinishReason.STOP)
                .build();
    }

    private static String lastUserText(ChatRequest request) {
        for (int i = request.messages().size() - 1; i >= 0; i--) {
            ChatMessage message = request.messages().get(i);
            if (message instanceof UserMessage user) {
                return user.singleText();
            }
        }
        throw new IllegalArgumentException("No user message in the request");
    }

    /** Each passage with its citation and an excerpt: what a reader needs to check and reuse it. */
    static String sources(List<DraftPrompt.Source> sources) {
        if (sources.isEmpty()) {
            return "Aucun extrait de la base de connaissances ne correspond à la demande.";
        }
        StringBuilder out = new StringBuilder();
        for (DraftPrompt.Source s : sources) {
            out.append('[')
                    .append(s.id())
                    .append("] ")
                    .append(s.label())
                    .append("\n")
                    .append(excerpt(s.text(), 600))
                    .append("\n\n");
        }
        return out.toString().strip();
    }

    private static String citations(List<DraftPrompt.Source> sources) {
        return String.join(
                "\n",
                sources.stream().map(s -> "- [" + s.id() + "] " + s.label()).toList());
    }

    static String fill(String template, Map<String, String> values) {
        String result = template;
        for (var entry : values.entrySet()) {
            result = result.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return result;
    }

    static String excerpt(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max).replaceAll("\\s+\\S*$", "") + "…";
    }
}
