package org.tandem.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.tandem.knowledge.DocumentInput;
import org.tandem.knowledge.KnowledgeDocuments;
import org.tandem.knowledge.KnowledgeIngestion;
import org.tandem.knowledge.KnowledgeMarkdown;
import org.tandem.knowledge.KnowledgeProperties;

/**
 * The demo corpus (processes/knowledge/*.md, a fictitious mutual insurer): loaded with the demo
 * profile once the application is ready, in the background since embedding its passages takes
 * ~10 s on two cores. A document already in the base is left as it is, so restarts change nothing
 * and edits made through the API are kept.
 */
@Component
@Profile("demo")
public class DemoKnowledge {

    static final String LOCATION = "classpath*:processes/knowledge/*.md";
    private static final Logger log = LoggerFactory.getLogger(DemoKnowledge.class);

    private final KnowledgeIngestion ingestion;
    private final KnowledgeDocuments documents;
    private final boolean enabled;

    DemoKnowledge(KnowledgeIngestion ingestion, KnowledgeDocuments documents, KnowledgeProperties properties) {
        this.ingestion = ingestion;
        this.documents = documents;
        this.enabled = properties.demoCorpus();
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadInBackground() {
        if (enabled) {
            Thread loader = new Thread(
                    () -> {
                        try {
                            load();
                        } catch (RuntimeException e) {
                            log.warn("The demo knowledge corpus could not be loaded", e);
                        }
                    },
                    "demo-knowledge");
            loader.setDaemon(true);
            loader.start();
        }
    }

    /** Loads the documents that are not in the base yet; returns how many were added. */
    public int load() {
        long start = System.nanoTime();
        int added = 0;
        for (DocumentInput document : corpus()) {
            if (!documents.exists(document.reference())) {
                ingestion.ingest(document, "demo");
                added++;
            }
        }
        if (added > 0) {
            log.info(
                    "Demo knowledge corpus: {} documents added in {} ms",
                    added,
                    (System.nanoTime() - start) / 1_000_000);
        }
        return added;
    }

    public static List<DocumentInput> corpus() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            return Arrays.stream(files)
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .map(DemoKnowledge::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DocumentInput read(Resource file) {
        try {
            return KnowledgeMarkdown.parse(file.getFilename(), file.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
