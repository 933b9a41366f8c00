package org.tandem.governance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.governance.entities.EntityDirectory;
import org.tandem.platform.database.Rows;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;

/**
 * Which entity may use which use case, and how. Once a project's experiment or rollout manages a use
 * case, only the entities it enabled may use it. A use case no project manages (no row at all) is
 * off — nothing serves ungoverned — unless an administrator opened it, with a recorded reason, which
 * opens it everywhere; the demo (tandem.governance.required=false) runs such a use case with AI
 * everywhere, as before projects existed. The kill switches win over everything.
 */
@Service
public class UseCaseEnablement {

    /** Process variable read by the content process's gateway before the AI step. */
    public static final String SKIP_AI = "skipAi";

    /** A stored row: the mode a project set for an entity, and the entity's own kill switch. */
    public record Setting(String useCaseKey, String entityCode, String mode, boolean killed, Long projectId) {}

    private final JdbcClient jdbc;
    private final EntityDirectory entities;
    private final UseCaseCatalog useCases;
    private final boolean governanceRequired;

    UseCaseEnablement(
            JdbcClient jdbc,
            EntityDirectory entities,
            UseCaseCatalog useCases,
            @Value("${tandem.governance.required:true}") boolean governanceRequired) {
        this.jdbc = jdbc;
        this.entities = entities;
        this.useCases = useCases;
        this.governanceRequired = governanceRequired;
    }

    /** Whether a use case needs a project (or an administrator's recorded opening) to serve: true but in the demo. */
    public boolean governanceRequired() {
        return governanceRequired;
    }

    public EntityMode modeOf(String useCaseKey, String entityCode) {
        if (isKilled(useCaseKey)) {
            return EntityMode.KILLED;
        }
        if (!isManaged(useCaseKey)) {
            return !governanceRequired || isOpenedByAdministrator(useCaseKey) ? EntityMode.AI : EntityMode.NOT_ENABLED;
        }
        if (entityCode == null) {
            return EntityMode.NOT_ENABLED;
        }
        return setting(useCaseKey, entityCode)
                .map(s -> s.killed()
                        ? EntityMode.KILLED
                        : switch (s.mode()) {
                            case "AI" -> EntityMode.AI;
                            case "CONTROL" -> EntityMode.CONTROL;
                            case "PAUSED" -> EntityMode.PAUSED;
                            default -> EntityMode.NOT_ENABLED;
                        })
                .orElse(EntityMode.NOT_ENABLED);
    }

    /**
     * The entity gate of a new case: records the requester's entity on the case and returns the
     * process variables that send it to the AI or straight to hand-drafting; refuses (4xx) a
     * request from an entity where the use case is not enabled.
     */
    @Transactional
    public Map<String, Object> admit(long caseId, String useCaseKey, String username) {
        String entity = entities.entityOf(username).orElse(null);
        EntityMode mode = modeOf(useCaseKey, entity);
        if (mode == EntityMode.NOT_ENABLED && !isManaged(useCaseKey)) {
            throw ApiException.forbidden(ungoverned(useCaseKey));
        }
        if (mode == EntityMode.NOT_ENABLED) {
            throw ApiException.forbidden(
                    entity == null
                            ? "Ce cas d'usage est en cours de déploiement et votre compte n'est rattaché à aucune entité : "
                                    + "demandez à votre manager de vous rattacher à une entité où il est ouvert."
                            : "Ce cas d'usage n'est pas encore ouvert pour l'entité « " + entities.nameOf(entity)
                                    + " » : il y sera disponible lors d'une prochaine vague de déploiement.");
        }
        jdbc.sql("update content_case set entity_code = ? where id = ?")
                .params(entity, caseId)
                .update();
        // the flag only when it routes the case (the gateway reads a missing one as false); the entity is on the row
        return mode.skipsAi() ? Map.of(SKIP_AI, true) : Map.of();
    }

    /** The refusal of a request for a use case no project governs yet: who can open it. */
    public String ungoverned(String useCaseKey) {
        return "Le cas d'usage « " + nameOf(useCaseKey)
                + " » n'est pas encore ouvert : aucun projet ne l'a mené jusqu'à une"
                + " expérimentation ou un déploiement dans une entité. Il peut être ouvert par son projet, au fil de"
                + " son cycle de vie (expérimentation puis déploiement, décidés par la direction et le comité"
                + " éthique), ou, à titre exceptionnel, par un administrateur de Tandem, qui motive l'ouverture"
                + " (elle est alors publiée sur la page de transparence).";
    }

    /** An administrator's opening in force (use_case_opening, closed_at null). */
    public boolean isOpenedByAdministrator(String useCaseKey) {
        return jdbc.sql("select count(*) from use_case_opening where use_case_key = ? and closed_at is null")
                        .param(useCaseKey)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The use case's name as people read it (the catalogue's French name), or its key when unknown. */
    public String nameOf(String useCaseKey) {
        return useCases.find(useCaseKey).map(UseCase::name).map(n -> n.fr()).orElse(useCaseKey);
    }

    public boolean isManaged(String useCaseKey) {
        return jdbc.sql("select count(*) from use_case_entity where use_case_key = ?")
                        .param(useCaseKey)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public boolean isKilled(String useCaseKey) {
        return jdbc.sql("select count(*) from use_case_kill_switch where use_case_key = ?")
                        .param(useCaseKey)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Optional<Setting> setting(String useCaseKey, String entityCode) {
        return jdbc.sql("""
                        select use_case_key, entity_code, mode, killed, project_id from use_case_entity
                        where use_case_key = ? and entity_code = ?""")
                .params(useCaseKey, entityCode)
                .query(Rows.of(Setting.class))
                .optional();
    }

    public List<Setting> settings(String useCaseKey) {
        return jdbc.sql("""
                        select use_case_key, entity_code, mode, killed, project_id from use_case_entity
                        where use_case_key = ? order by entity_code""").param(useCaseKey).query(Rows.of(Setting.class)).list();
    }

    /**
     * Sets the mode of an entity (AI, CONTROL, PAUSED or OFF); its kill switch is left as it is. The
     * project then governs the use case: an administrator's opening still in force is closed, with
     * that reason (the history and the public page keep it).
     */
    public void set(String useCaseKey, String entityCode, String mode, long projectId, String by) {
        jdbc.sql("""
                        update use_case_opening set closed_by = ?, closed_at = now(), close_reason = ?
                        where use_case_key = ? and closed_at is null""")
                .params(
                        by,
                        (projectId > 0 ? "Le projet n° " + projectId : "Un projet")
                                + " gouverne désormais ce cas d'usage, entité par entité.",
                        useCaseKey)
                .update();
        jdbc.sql("""
                        insert into use_case_entity (use_case_key, entity_code, mode, project_id, updated_by)
                        values (?, ?, ?, ?, ?)
                        on conflict (use_case_key, entity_code) do update set mode = excluded.mode,
                            project_id = excluded.project_id, updated_by = excluded.updated_by, updated_at = now()""").params(useCaseKey, entityCode, mode, projectId, by).update();
    }

    /** Every entity of the use case in one mode (e.g. OFF when its project is stopped). */
    public void setAll(String useCaseKey, String toMode, String by) {
        jdbc.sql("update use_case_entity set mode = ?, updated_by = ?, updated_at = now() where use_case_key = ?")
                .params(toMode, by, useCaseKey)
                .update();
    }

    public void killEntity(String useCaseKey, String entityCode, boolean killed, String by) {
        int updated = jdbc.sql("""
                        update use_case_entity set killed = ?, updated_by = ?, updated_at = now()
                        where use_case_key = ? and entity_code = ?""").params(killed, by, useCaseKey, entityCode).update();
        if (updated == 0) {
            throw ApiException.notFound(
                    "Ce cas d'usage n'est pas déployé dans l'entité « " + entities.nameOf(entityCode) + " ».");
        }
    }

    public void killUseCase(String useCaseKey, String reason, String by) {
        jdbc.sql("""
                        insert into use_case_kill_switch (use_case_key, killed_by, reason) values (?, ?, ?)
                        on conflict (use_case_key) do update set killed_by = excluded.killed_by,
                            reason = excluded.reason, killed_at = now()""").params(useCaseKey, by, reason).update();
    }

    public void reviveUseCase(String useCaseKey) {
        jdbc.sql("delete from use_case_kill_switch where use_case_key = ?")
                .param(useCaseKey)
                .update();
    }
}
