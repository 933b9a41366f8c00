package org.tandem.drafting;

import dev.langchain4j.model.chat.ChatModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.usecase.UseCaseCatalog;

/** With no provider configured, drafts come from the offline drafter (labelled as such). */
@Configuration(proxyBeanMethods = false)
class ChatModelConfiguration {

    @Bean
    @ConditionalOnMissingBean(ChatModel.class)
    ChatModel offlineDrafter(UseCaseCatalog useCases) {
        return new OfflineDrafter(useCases);
    }
}
