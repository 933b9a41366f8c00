package org.tandem.content.drafting;

import dev.langchain4j.model.chat.ChatModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.platform.ai.AiProperties;
import org.tandem.platform.ai.ProviderChatModels;
import org.tandem.platform.usecase.UseCaseCatalog;

/** The one {@link ChatModel} of the application: the configured provider's, or the offline drafter. */
@Configuration(proxyBeanMethods = false)
class AiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AiConfiguration.class);

    @Bean
    ChatModel chatModel(
            AiProperties ai,
            WorkerProperties worker,
            UseCaseCatalog useCases,
            java.util.List<org.tandem.content.AnswerKind> answerKinds) {
        ai.validate();
        // a call that outlives the external task's lock would be handed to a second worker (DESIGN.md)
        if (worker.lockDuration() != null && ai.timeout().compareTo(worker.lockDuration()) >= 0) {
            throw new IllegalStateException("tandem.ai.timeout (" + ai.timeout() + ") must be shorter than "
                    + "tandem.worker.lock-duration (" + worker.lockDuration() + ")");
        }
        useCases.all().forEach(u -> {
            var timeout = u.aiSettings().timeout();
            if (timeout != null && worker.lockDuration() != null && timeout.compareTo(worker.lockDuration()) >= 0) {
                throw new IllegalStateException("The timeout of use case " + u.key() + " (" + timeout
                        + ") must be shorter than tandem.worker.lock-duration (" + worker.lockDuration() + ")");
            }
        });
        log.info("AI drafts: {}", ai);
        if (ai.provider() == AiProperties.Provider.OFFLINE) {
            return new OfflineDrafter(useCases, answerKinds);
        }
        return ProviderChatModels.create(ai);
    }
}
