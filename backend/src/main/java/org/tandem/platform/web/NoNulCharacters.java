package org.tandem.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL cannot store the NUL character in text: a JSON string holding one would fail deep in
 * a query (500). It is refused where the request is read, as a malformed request (400).
 */
@Configuration(proxyBeanMethods = false)
class NoNulCharacters {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer refuseNulCharacters() {
        return builder -> builder.modulesToInstall(modules ->
                modules.add(new SimpleModule("no-nul-characters").addDeserializer(String.class, new Deserializer())));
    }

    static final class Deserializer extends StdScalarDeserializer<String> {
        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                return (String)
                        context.handleWeirdStringValue(String.class, value, "le caractère NUL n'est pas accepté");
            }
            return value;
        }
    }
}
