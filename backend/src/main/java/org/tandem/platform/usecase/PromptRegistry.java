package org.tandem.platform.usecase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.database.Rows;

/**
 * Versions the pre-prompts (proposal 38): a pre-prompt whose text (or model) is new gets the next version
 * number when the application starts; older versions stay, so running cases keep theirs. A new case starts
 * with the version in service ({@link PromptAuthorizations}): a new version serves only once authorised.
 */
@Service
public class PromptRegistry {

    private static final Logger log = LoggerFactory.getLogger(PromptRegistry.class);

    private static final String COLUMNS = "use_case_key, version, pre_prompt, model";

    private final JdbcClient jdbc;
    private final UseCaseCatalog catalog;
    private final PromptAuthorizations authorizations;

    PromptRegistry(JdbcClient jdbc, UseCaseCatalog catalog, PromptAuthorizations authorizations) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Transactional
    public void registerCurrentPrompts() {
        for (UseCase useCase : catalog.all()) {
            PromptVersion file = fileVersion(useCase);
            authorizations.keepMigratedFileVersion(useCase.key(), file.version());
        }
    }

    /** @return the version of this exact text (with the provider's model), created if it is new */
    @Transactional
    public PromptVersion register(String useCaseKey, String prePrompt) {
        return register(useCaseKey, prePrompt, null);
    }

    /**
     * @param model the model the use case names, or null for the provider's; a text already known with
     *              another model is a new version
     * @return the version of this exact text and model, created if it is new (then authorised at once only
     * when it is the use case's first)
     */
    @Transactional
    public PromptVersion register(String useCaseKey, String prePrompt, String model) {
        // the text alone when no model is named: the versions recorded before models were versioned keep their hash
        String hash = sha256(model == null ? prePrompt : prePrompt + "\n[model] " + model);
        // a version once written never changes: a known text is read without the lock. Every filing asks
        // (through current()), and the lock, held to the end of the filing's transaction, made the
        // filings of a use case wait for each other (issue 18: 0.5 s per filing with four advisers)
        var known = find(useCaseKey, hash);
        if (known.isPresent()) {
            return known.get();
        }
        jdbc.sql("select pg_advisory_xact_lock(7264, hashtext(?))")
                .param(useCaseKey)
                .query()
                .singleRow();
        var existing = find(useCaseKey, hash);
        if (existing.isPresent()) {
            return existing.get();
        }
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from prompt_version where use_case_key = ?")
                .param(useCaseKey)
                .query(Integer.class)
                .single();
        jdbc.sql("insert into prompt_version (use_case_key, version, sha256, pre_prompt, model) values (?, ?, ?, ?, ?)")
                .params(useCaseKey, next, hash, prePrompt, model)
                .update();
        authorizations.installIfFirst(useCaseKey, next);
        log.info(
                "Pre-prompt of use case {} registered as version {} ({})",
                useCaseKey,
                next,
                authorizations.status(useCaseKey, next) == PromptAuthorizations.Status.AUTHORISED
                        ? "in service: the use case's first"
                        : "waiting for its evaluation and an AI referent's decision");
        return new PromptVersion(useCaseKey, next, prePrompt, model);
    }

    /** The version of the use case file's text and model, registered if new (it may still await its authorisation). */
    @Transactional
    public PromptVersion fileVersion(UseCase useCase) {
        return register(useCase.key(), useCase.prePrompt(), useCase.aiSettings().model());
    }

    /**
     * The version a new case of this use case starts with: the one in service. A version of the file that
     * awaits its authorisation does not serve; cases filed meanwhile keep the authorised one.
     */
    @Transactional
    public PromptVersion current(UseCase useCase) {
        PromptVersion file = fileVersion(useCase);
        return authorizations
                .servingVersion(useCase.key())
                .filter(v -> v != file.version())
                .map(v -> byLabel(PromptVersion.label(useCase.key(), v)))
                .orElse(file);
    }

    private Optional<PromptVersion> find(String useCaseKey, String hash) {
        return jdbc.sql("select " + COLUMNS + " from prompt_version where use_case_key = ? and sha256 = ?")
                .params(useCaseKey, hash)
                .query(Rows.of(PromptVersion.class))
                .optional();
    }

    /** Every version of a use case, newest first. */
    public List<PromptVersion> versions(String useCaseKey) {
        return jdbc.sql("select " + COLUMNS + " from prompt_version where use_case_key = ? order by version desc")
                .param(useCaseKey)
                .query(Rows.of(PromptVersion.class))
                .list();
    }

    /** The text of a recorded version, e.g. for a running case after the file changed. */
    public PromptVersion byLabel(String label) {
        PromptVersion.Label l = PromptVersion.parse(label);
        return jdbc.sql("select " + COLUMNS + " from prompt_version where use_case_key = ? and version = ?")
                .params(l.useCaseKey(), l.version())
                .query(Rows.of(PromptVersion.class))
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
