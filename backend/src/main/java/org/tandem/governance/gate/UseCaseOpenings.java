package org.tandem.governance.gate;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.governance.UseCaseEnablement;
import org.tandem.platform.database.Rows;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;

/**
 * The gate, as administrators see and steer it: each use case's state, and the exceptional opening of
 * a use case no project governs. An opening is recorded (who, when, why), closed the same way, never
 * deleted; the public transparency page lists them.
 */
@Service
public class UseCaseOpenings {

    /** Why a use case serves or not, for the administrators' screen. */
    public enum GateState {
        /** The kill switch of the use case is pulled. */
        KILLED,
        /** A project's experiment or rollout decides, entity by entity. */
        GOVERNED,
        /** No project: an administrator opened it, everywhere, with a recorded reason. */
        OPENED_BY_ADMIN,
        /** No project and governance not required (the demo): it serves everywhere. */
        UNGOVERNED_ALLOWED,
        /** No project, no opening: every request is refused. */
        CLOSED
    }

    /**
     * @param aiEntities entities where it runs with AI, when a project governs it
     * @param opening    the administrator's opening in force, if any
     */
    public record UseCaseGate(
            String useCaseKey,
            String name,
            boolean governanceRequired,
            GateState state,
            Long projectId,
            int aiEntities,
            UseCaseOpening opening) {}

    static final int REASON_MIN = 10;
    static final int REASON_MAX = 2000;

    private final JdbcClient jdbc;
    private final UseCaseEnablement enablement;
    private final UseCaseCatalog useCases;

    UseCaseOpenings(JdbcClient jdbc, UseCaseEnablement enablement, UseCaseCatalog useCases) {
        this.jdbc = jdbc;
        this.enablement = enablement;
        this.useCases = useCases;
    }

    public List<UseCaseGate> gates() {
        return useCases.all().stream()
                .sorted(Comparator.comparing(UseCase::key))
                .map(this::gate)
                .toList();
    }

    UseCaseGate gate(UseCase u) {
        var settings = enablement.settings(u.key());
        Long project = settings.stream()
                .map(UseCaseEnablement.Setting::projectId)
                .filter(id -> id != null && id > 0)
                .max(Long::compare)
                .orElse(null);
        int ai = (int) settings.stream()
                .filter(s -> !s.killed() && "AI".equals(s.mode()))
                .count();
        UseCaseOpening opening = inForce(u.key()).orElse(null);
        GateState state = enablement.isKilled(u.key())
                ? GateState.KILLED
                : !settings.isEmpty()
                        ? GateState.GOVERNED
                        : opening != null
                                ? GateState.OPENED_BY_ADMIN
                                : enablement.governanceRequired() ? GateState.CLOSED : GateState.UNGOVERNED_ALLOWED;
        return new UseCaseGate(u.key(), u.name().fr(), enablement.governanceRequired(), state, project, ai, opening);
    }

    /** Every opening, in force or closed, the newest first. */
    public List<UseCaseOpening> history() {
        return jdbc.sql("select * from use_case_opening order by opened_at desc, id desc")
                .query(Rows.of(UseCaseOpening.class))
                .list();
    }

    public Optional<UseCaseOpening> inForce(String useCaseKey) {
        return jdbc.sql("select * from use_case_opening where use_case_key = ? and closed_at is null")
                .param(useCaseKey)
                .query(Rows.of(UseCaseOpening.class))
                .optional();
    }

    @Transactional
    public UseCaseOpening open(String useCaseKey, String reason, CurrentUser admin) {
        requireAdmin(admin);
        UseCase useCase = useCases.find(useCaseKey == null ? "" : useCaseKey)
                .orElseThrow(() ->
                        ApiException.invalidField("useCaseKey", "Le cas d'usage « " + useCaseKey + " » n'existe pas."));
        String why = reason(reason, "reason");
        if (enablement.isKilled(useCase.key())) {
            throw ApiException.conflict("L'IA du cas d'usage « "
                    + useCase.name().fr() + " » est coupée (plan de" + " crise) : rétablissez-la avant de l'ouvrir.");
        }
        if (enablement.isManaged(useCase.key())) {
            throw ApiException.conflict("Le cas d'usage « " + useCase.name().fr() + " » est gouverné par un projet :"
                    + " il s'ouvre entité par entité au fil de son expérimentation et de son déploiement.");
        }
        if (inForce(useCase.key()).isPresent()) {
            throw ApiException.conflict("Le cas d'usage « " + useCase.name().fr() + " » est déjà ouvert.");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into use_case_opening (use_case_key, reason, opened_by) values (?, ?, ?)")
                .params(useCase.key(), why, admin.username())
                .update(keys, "id");
        return find(keys.getKeyAs(Long.class));
    }

    @Transactional
    public UseCaseOpening close(long id, String reason, CurrentUser admin) {
        requireAdmin(admin);
        UseCaseOpening opening = find(id);
        String why = reason(reason, "reason");
        if (opening.closedAt() != null) {
            throw ApiException.conflict("Cette ouverture est déjà close.");
        }
        jdbc.sql("""
                        update use_case_opening set closed_by = ?, closed_at = now(), close_reason = ?
                        where id = ? and closed_at is null""").params(admin.username(), why, id).update();
        return find(id);
    }

    private UseCaseOpening find(long id) {
        return jdbc.sql("select * from use_case_opening where id = ?")
                .param(id)
                .query(Rows.of(UseCaseOpening.class))
                .optional()
                .orElseThrow(() -> ApiException.notFound("L'ouverture n° " + id + " n'existe pas."));
    }

    private static String reason(String reason, String field) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < REASON_MIN || why.length() > REASON_MAX) {
            throw ApiException.invalidField(
                    field,
                    "Motivez la décision en 10 à 2 000 caractères : elle est enregistrée avec votre nom et publiée"
                            + " sur la page de transparence.");
        }
        if (why.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw ApiException.invalidField(field, "Le motif contient des caractères de contrôle : retirez-les.");
        }
        return why;
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.has(Role.ADMIN)) {
            throw ApiException.forbidden("Seuls les administrateurs ouvrent un cas d'usage sans projet.");
        }
    }
}
