package org.tandem.platform.guardrails;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The guardrails are pure classes; the application uses one instance of each. */
@Configuration(proxyBeanMethods = false)
class GuardrailsConfiguration {

    @Bean
    InjectionDetector injectionDetector() {
        return new InjectionDetector();
    }

    @Bean
    OutputGuardrails outputGuardrails() {
        return new OutputGuardrails();
    }
}
