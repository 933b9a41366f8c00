package org.tandem.platform.privacy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's one {@link Pseudonymiser}, with the configured reference patterns. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    Pseudonymiser pseudonymiser(PrivacyProperties privacy) {
        return new Pseudonymiser(privacy.allReferencePatterns());
    }
}
