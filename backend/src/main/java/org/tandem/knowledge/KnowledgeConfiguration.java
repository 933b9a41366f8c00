package org.tandem.knowledge;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);

    /**
     * The in-process embedding model (ONNX, quantised bge-small-en-v1.5, 384 dimensions), created on
     * first use: loading takes 1–2 s and its native libraries are unpacked under the configured
     * cache folder rather than under ~ (DJL's and JNA's defaults).
     */
    @Bean
    @Lazy
    EmbeddingModel knowledgeEmbeddingModel(KnowledgeProperties properties) {
        Path cache = properties.modelCache().toAbsolutePath().normalize();
        try {
            Files.createDirectories(cache.resolve("jna"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the model cache " + cache, e);
        }
        // read by DJL (tokenizer) and JNA when they unpack native code; an explicit setting wins
        setIfAbsent("DJL_CACHE_DIR", cache.toString());
        setIfAbsent("jna.tmpdir", cache.resolve("jna").toString());
        long start = System.nanoTime();
        EmbeddingModel model = new SingleThreadedBgeSmallModel();
        log.info(
                "Knowledge embedding model loaded in {} ms (cache {})", (System.nanoTime() - start) / 1_000_000, cache);
        return model;
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null && System.getenv(property) == null) {
            System.setProperty(property, value);
        }
    }
}
