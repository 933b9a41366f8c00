package org.tandem.platform.footprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class FootprintConfiguration {

    @Bean
    ModelCatalog modelCatalog(FootprintProperties properties, ResourceLoader resources) {
        try (InputStream in = resources.getResource(properties.catalogue()).getInputStream()) {
            return ModelCatalog.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model catalogue " + properties.catalogue(), e);
        }
    }
}
