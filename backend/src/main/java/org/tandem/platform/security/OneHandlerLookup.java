package org.tandem.platform.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

/**
 * Each request's handler is looked up once, by the dispatcher. With Spring MVC present, Spring Security puts before
 * its filter chain a filter that looks the handler up first and keeps it for {@code MvcRequestMatcher}s and for the
 * CORS filter; Tandem's chains match paths with {@code PathPatternRequestMatcher}s and have no CORS filter (one
 * origin, no CORS configuration), so that lookup served nothing and cost 2 % of the CPU under load (issue 18). This
 * puts the chain back unwrapped; {@code OneHandlerLookupIT} fails if anything starts looking handlers up without it.
 * Should a Spring Security version build the wrapper otherwise, the chain is left as it is, with a warning.
 */
final class OneHandlerLookup implements BeanFactoryPostProcessor {

    static final String CHAIN = "springSecurityFilterChain";
    private static final String WRAPPER =
            "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration$CompositeFilterChainProxy";
    private static final String CACHE_FILTER = "org.springframework.security.config.annotation.web.configuration."
            + "WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";
    private static final Logger log = LoggerFactory.getLogger(OneHandlerLookup.class);

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        if (!(factory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(CHAIN)) {
            return;
        }
        BeanDefinition chain = registry.getBeanDefinition(CHAIN);
        if (!WRAPPER.equals(chain.getBeanClassName())) {
            return;
        }
        ValueHolder argument = chain.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
        if (argument != null
                && argument.getValue() instanceof List<?> filters
                && filters.size() == 2
                && filters.get(0) instanceof BeanDefinition cache
                && CACHE_FILTER.equals(cache.getBeanClassName())
                && filters.get(1) instanceof BeanDefinition unwrapped) {
            registry.removeBeanDefinition(CHAIN);
            registry.registerBeanDefinition(CHAIN, unwrapped);
        } else {
            log.warn(
                    "Spring Security's filter chain is wrapped in an unexpected way; the handler stays looked up twice");
        }
    }
}
