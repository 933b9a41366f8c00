package org.tandem.platform.usecase;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tandem.platform.database.Rows;
import org.tandem.platform.time.EngineClock;

/**
 * Which pre-prompt version serves new cases (proposal 38 and the quality loop): a version serves once
 * authorised, and the version of a use case's latest authorisation is the one in service. A new version
 * waits (PENDING) while it is evaluated on the use case's reference set and an AI referent decides; cases
 * filed meanwhile keep the version in service, and a refused version never serves.
 *
 * <p>The first version of a use case is authorised at installation (nothing to compare it with, and
 * people review every draft); versions present before the quality loop were authorised by the migration.
 * Neither counts as a person's authorisation: unattended answers (the chatbot) need one
 * ({@link #personAuthorization}). The decisions are only ever inserted; the evaluation process lives in
 * the quality module ({@value #EVALUATION_PROCESS}, user task {@value #AUTHORIZE_TASK}).
 */
@Service
public class PromptAuthorizations {

    /** The BPMN process that evaluates a version and asks an AI referent to decide (business key: its label). */
    public static final String EVALUATION_PROCESS = "prompt-evaluation";

    public static final String AUTHORIZE_TASK = "authorizePromptVersion";

    public enum Decision {
        AUTHORISED,
        REFUSED
    }

    public enum Basis {
        /** present before the quality loop */
        MIGRATION,
        /** the first version of its use case */
        INSTALLATION,
        /** an AI referent's decision after an evaluation run */
        EVALUATION
    }

    /** Where a version stands: never decided, authorised at some point, or only refused. */
    public enum Status {
        PENDING,
        AUTHORISED,
        REFUSED
    }

    /** One decision about a version. */
    public record Authorization(
            long id,
            String useCaseKey,
            int version,
            Decision decision,
            Basis basis,
            String decidedBy,
            String taskId,
            Long evaluationId,
            String reason,
            OffsetDateTime decidedAt) {

        public String label() {
            return PromptVersion.label(useCaseKey, version);
        }
    }

    private final JdbcClient jdbc;

    PromptAuthorizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version in service: the one of the use case's latest authorisation. */
    public Optional<Integer> servingVersion(String useCaseKey) {
        return jdbc.sql("""
                        select version from prompt_authorization where use_case_key = ? and decision = 'AUTHORISED'
                        order by id desc limit 1""").param(useCaseKey).query(Integer.class).optional();
    }

    public Status status(String useCaseKey, int version) {
        List<Decision> decisions = jdbc
                .sql("select decision from prompt_authorization where use_case_key = ? and version = ? order by id")
                .params(useCaseKey, version)
                .query(String.class)
                .list()
                .stream()
                .map(Decision::valueOf)
                .toList();
        if (decisions.contains(Decision.AUTHORISED)) {
            return Status.AUTHORISED;
        }
        return decisions.isEmpty() ? Status.PENDING : Status.REFUSED;
    }

    /** Every decision of the use case, newest first. */
    public List<Authorization> history(String useCaseKey) {
        return jdbc.sql("select * from prompt_authorization where use_case_key = ? order by id desc")
                .param(useCaseKey)
                .query(Rows.of(Authorization.class))
                .list();
    }

    /**
     * An AI referent's authorisation of this version after an evaluation, if the latest such decision
     * authorised it: what unattended answers need. The chatbot checks it against the engine's history.
     */
    public Optional<Authorization> personAuthorization(String label) {
        PromptVersion.Label l;
        try {
            l = PromptVersion.parse(label);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select * from prompt_authorization where use_case_key = ? and version = ? and basis = 'EVALUATION'
                        order by id desc limit 1""")
                .params(l.useCaseKey(), l.version())
                .query(Rows.of(Authorization.class))
                .optional()
                .filter(a -> a.decision() == Decision.AUTHORISED);
    }

    /**
     * Records an AI referent's decision after an evaluation, in the caller's transaction (the completion of
     * their task): an authorised version serves new cases from now on.
     */
    public Authorization decide(
            PromptVersion.Label version,
            Decision decision,
            String decidedBy,
            String taskId,
            long evaluationId,
            String reason) {
        return insert(version, decision, Basis.EVALUATION, decidedBy, taskId, evaluationId, reason);
    }

    /** The first version of a use case serves at once; later ones wait for their evaluation. */
    void installIfFirst(String useCaseKey, int version) {
        if (servingVersion(useCaseKey).isEmpty()) {
            insert(
                    new PromptVersion.Label(useCaseKey, version),
                    Decision.AUTHORISED,
                    Basis.INSTALLATION,
                    "installation",
                    null,
                    null,
                    "Première version du cas d'usage : aucune version en service à laquelle la comparer.");
        }
    }

    /**
     * Before the quality loop the file's text served: at the first start after the migration, a use case
     * whose file points at an older version than the newest one gets that version back in service.
     */
    void keepMigratedFileVersion(String useCaseKey, int fileVersion) {
        List<Authorization> all = history(useCaseKey);
        boolean onlyMigration = !all.isEmpty() && all.stream().allMatch(a -> a.basis() == Basis.MIGRATION);
        boolean migrated = all.stream().anyMatch(a -> a.version() == fileVersion);
        if (onlyMigration && migrated && all.get(0).version() != fileVersion) {
            insert(
                    new PromptVersion.Label(useCaseKey, fileVersion),
                    Decision.AUTHORISED,
                    Basis.MIGRATION,
                    "migration",
                    null,
                    null,
                    "Version du fichier au premier démarrage avec la boucle qualité : elle reste en service.");
        }
    }

    private Authorization insert(
            PromptVersion.Label version,
            Decision decision,
            Basis basis,
            String decidedBy,
            String taskId,
            Long evaluationId,
            String reason) {
        long id = jdbc.sql("""
                        insert into prompt_authorization (use_case_key, version, decision, basis, decided_by, task_id,
                            evaluation_id, reason, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        version.useCaseKey(),
                        version.version(),
                        decision.name(),
                        basis.name(),
                        decidedBy,
                        taskId,
                        evaluationId,
                        reason,
                        EngineClock.now())
                .query(Long.class)
                .single();
        return jdbc.sql("select * from prompt_authorization where id = ?")
                .param(id)
                .query(Rows.of(Authorization.class))
                .single();
    }
}
