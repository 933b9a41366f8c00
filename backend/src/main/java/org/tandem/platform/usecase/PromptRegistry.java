package org.tandem.platform.usecase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versions the pre-prompts (proposal 38): a pre-prompt whose text is new gets the next version
 * number when the application starts; older versions stay, so running cases keep theirs.
 */
@Service
public class PromptRegistry {

    private static final Logger log = LoggerFactory.getLogger(PromptRegistry.class);

    private final JdbcClient jdbc;
    private final UseCaseCatalog catalog;

    PromptRegistry(JdbcClient jdbc, UseCaseCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Transactional
    public void registerCurrentPrompts() {
        for (UseCase useCase : catalog.all()) {
            register(useCase.key(), useCase.prePrompt());
        }
    }

    /** @return the version of this exact text, created if it is new */
    @Transactional
    public PromptVersion register(String useCaseKey, String prePrompt) {
        String hash = sha256(prePrompt);
        jdbc.sql("select pg_advisory_xact_lock(7264, hashtext(?))")
                .param(useCaseKey)
                .query()
                .singleRow();
        var existing = jdbc.sql(
                        "select use_case_key, version, pre_prompt from prompt_version where use_case_key = ? and sha256 = ?")
                .params(useCaseKey, hash)
                .query(PromptVersion.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from prompt_version where use_case_key = ?")
                .param(useCaseKey)
                .query(Integer.class)
                .single();
        jdbc.sql("insert into prompt_version (use_case_key, version, sha256, pre_prompt) values (?, ?, ?, ?)")
                .params(useCaseKey, next, hash, prePrompt)
                .update();
        log.info("Pre-prompt of use case {} registered as version {}", useCaseKey, next);
        return new PromptVersion(useCaseKey, next, prePrompt);
    }

    /** The version a new case of this use case starts with: the file's current text. */
    public PromptVersion current(UseCase useCase) {
        return register(useCase.key(), useCase.prePrompt());
    }

    /** The text of a recorded version, e.g. for a running case after the file changed. */
    public PromptVersion byLabel(String label) {
        int at = label.lastIndexOf("@v");
        return jdbc.sql(
                        "select use_case_key, version, pre_prompt from prompt_version where use_case_key = ? and version = ?")
                .params(label.substring(0, at), Integer.parseInt(label.substring(at + 2)))
                .query(PromptVersion.class)
                .single();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
