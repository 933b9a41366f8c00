package org.tandem.governance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.governance.entities.EntityDirectory;
import org.tandem.platform.web.ApiException;

/**
 * Which entity may use which use case, and how. A use case no project manages (no row at all) runs
 * with AI everywhere, as before projects existed; once a project's experiment or rollout manages
 * it, only the entities it enabled may use it. The kill switches win over everything.
 */
@Service
public class UseCaseEnablement {

    /** Process variable read by the content process's gateway before the AI step. */
    public static final String SKIP_AI = "skipAi";

    public static final String ENTITY_MODE = "entityMode";

    /** A stored row: the mode a project set for an entity, and the entity's own kill switch. */
    public record Setting(String useCaseKey, String entityCode, String mode, boolean killed, Long projectId) {}

    private final JdbcClient jdbc;
    private final EntityDirectory entities;

    UseCaseEnablement(JdbcClient jdbc, EntityDirectory entities) {
        this.jdbc = jdbc;
        this.entities = entities;
    }

    public EntityMode modeOf(String useCaseKey, String entityCode) {
        if (isKilled(useCaseKey)) {
            return EntityMode.KILLED;
        }
        if (!isManaged(useCaseKey)) {
            return EntityMode.AI;
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
        Map<String, Object> variables = new HashMap<>();
        variables.put(SKIP_AI, mode.skipsAi());
        variables.put(ENTITY_MODE, mode.name());
        return variables;
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
                        where use_case_key = ? and entity_code = ?""").params(useCaseKey, entityCode).query(Setting.class).optional();
    }

    public List<Setting> settings(String useCaseKey) {
        return jdbc.sql("""
                        select use_case_key, entity_code, mode, killed, project_id from use_case_entity
                        where use_case_key = ? order by entity_code""").param(useCaseKey).query(Setting.class).list();
    }

    /** Sets the mode of an entity (AI, CONTROL, PAUSED or OFF); its kill switch is left as it is. */
    public void set(String useCaseKey, String entityCode, String mode, long projectId, String by) {
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
