package org.tandem.governance.lifecycle;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.governance.UseCaseEnablement;
import org.tandem.governance.entities.EntityDirectory;
import org.tandem.platform.database.Rows;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;

/** Waves of a rollout, their start, training, guardrails, pause and the kill switches. */
@Service
public class RolloutService {

    public enum PersonRole {
        USER,
        TUTOR,
        REFERENT
    }

    public record PersonInput(String username, PersonRole role) {}

    public record WaveInput(OffsetDateTime plannedStart, List<String> entities, List<PersonInput> people) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "RolloutPerson")
    public record Person(String username, String role, OffsetDateTime trainedAt) {}

    public record Wave(
            long id,
            long projectId,
            int seq,
            OffsetDateTime plannedStart,
            String status,
            OffsetDateTime startedAt,
            String pauseReason,
            List<String> entities,
            List<Person> people,
            List<ExperimentService.KpiValue> kpis) {}

    private record WaveRow(
            long id,
            long projectId,
            int seq,
            OffsetDateTime plannedStart,
            String status,
            OffsetDateTime startedAt,
            String pauseReason) {}

    private final org.tandem.platform.usecase.UseCaseCatalog useCases;
    private final JdbcClient jdbc;
    private final ProjectRepository projects;
    private final ProjectTasks tasks;
    private final EntityDirectory entities;
    private final UseCaseEnablement enablement;
    private final KpiRepository kpis;
    private final RuntimeService runtime;
    private final LifecycleSettings settings;

    RolloutService(
            JdbcClient jdbc,
            ProjectRepository projects,
            ProjectTasks tasks,
            EntityDirectory entities,
            UseCaseEnablement enablement,
            KpiRepository kpis,
            RuntimeService runtime,
            LifecycleSettings settings,
            org.tandem.platform.usecase.UseCaseCatalog useCases) {
        this.useCases = useCases;
        this.jdbc = jdbc;
        this.projects = projects;
        this.tasks = tasks;
        this.entities = entities;
        this.enablement = enablement;
        this.kpis = kpis;
        this.runtime = runtime;
        this.settings = settings;
    }

    @Transactional
    public Wave addWave(long projectId, WaveInput input, CurrentUser manager) {
        Project project = projects.require(projectId);
        tasks.require(projectId, "planRollout", manager, "de planification du déploiement");
        if (input.plannedStart() == null) {
            throw ApiException.invalidField("plannedStart", "Indiquez la date prévue de la vague.");
        }
        List<String> codes = input.entities() == null
                ? List.of()
                : input.entities().stream().distinct().toList();
        if (codes.isEmpty()) {
            throw ApiException.invalidField("entities", "Une vague ouvre le cas d'usage dans au moins une entité.");
        }
        for (String code : codes) {
            if (entities.find(code).isEmpty()) {
                throw ApiException.invalidField("entities", "L'entité « " + code + " » n'existe pas.");
            }
        }
        List<PersonInput> people = input.people() == null ? List.of() : input.people();
        Set<String> names = new HashSet<>();
        for (PersonInput p : people) {
            if (p.username() == null || p.username().isBlank() || p.role() == null) {
                throw ApiException.invalidField("people", "Chaque personne de la vague a un identifiant et un rôle.");
            }
            if (!names.add(p.username())) {
                throw ApiException.invalidField("people", p.username() + " figure deux fois dans la vague.");
            }
        }
        if (people.stream().noneMatch(p -> p.role() == PersonRole.TUTOR)
                || people.stream().noneMatch(p -> p.role() == PersonRole.REFERENT)) {
            throw ApiException.invalidField("people", "Nommez au moins un tuteur et un référent pour la vague.");
        }
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from rollout_wave where project_id = ?")
                .param(projectId)
                .query(Integer.class)
                .single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into rollout_wave (project_id, seq, planned_start, status) values (?, ?, ?, 'PLANNED')")
                .params(project.id(), seq, input.plannedStart())
                .update(keys, "id");
        long waveId = keys.getKeyAs(Long.class);
        codes.forEach(c -> jdbc.sql("insert into wave_entity (wave_id, entity_code) values (?, ?)")
                .params(waveId, c)
                .update());
        people.forEach(p -> jdbc.sql("insert into wave_person (wave_id, username, role) values (?, ?, ?)")
                .params(waveId, p.username(), p.role().name())
                .update());
        return wave(waveId);
    }

    @Transactional
    public void completePlanning(long projectId, CurrentUser manager) {
        projects.require(projectId);
        var task = tasks.require(projectId, "planRollout", manager, "de planification du déploiement");
        if (waveRows(projectId).isEmpty()) {
            throw ApiException.conflict("Planifiez au moins une vague avant de lancer le déploiement.");
        }
        projects.recordDecision(
                projectId, "ROLLOUT_PLAN", "PLANNED", waveRows(projectId).size() + " vague(s)", manager.username());
        tasks.complete(task, manager, Map.of());
    }

    public List<Long> waveIds(long projectId) {
        return new ArrayList<>(waveRows(projectId).stream().map(WaveRow::id).toList());
    }

    public List<Wave> waves(long projectId) {
        return waveRows(projectId).stream().map(r -> wave(r.id())).toList();
    }

    public Wave wave(long waveId) {
        WaveRow r = jdbc.sql("select * from rollout_wave where id = ?")
                .param(waveId)
                .query(Rows.of(WaveRow.class))
                .optional()
                .orElseThrow(() -> ApiException.notFound("La vague n° " + waveId + " n'existe pas."));
        Project project = projects.require(r.projectId());
        List<String> codes = entityCodes(waveId);
        List<ExperimentService.KpiValue> values = r.startedAt() == null
                ? List.of()
                : kpis.kpis(r.projectId()).stream()
                        .map(k -> ExperimentService.value(
                                k, kpis.samples(project.useCaseKey(), codes, r.startedAt()), List.of()))
                        .toList();
        return new Wave(
                r.id(),
                r.projectId(),
                r.seq(),
                r.plannedStart(),
                r.status(),
                r.startedAt(),
                r.pauseReason(),
                codes,
                jdbc.sql("select username, role, trained_at from wave_person where wave_id = ? order by role, username")
                        .param(waveId)
                        .query(Rows.of(Person.class))
                        .list(),
                values);
    }

    Wave waveOf(long projectId, long waveId) {
        Wave w = wave(waveId);
        if (w.projectId() != projectId) {
            throw ApiException.notFound("La vague n° " + waveId + " n'appartient pas au projet n° " + projectId + ".");
        }
        return w;
    }

    /** Starts a wave before its date: the process's event gateway takes the message instead of the timer. */
    @Transactional
    public void startNow(long projectId, long waveId, CurrentUser user) {
        waveOf(projectId, waveId);
        var waiting = runtime.createExecutionQuery()
                .messageEventSubscriptionName(LifecycleVariables.WAVE_START_MESSAGE)
                .processVariableValueEquals(LifecycleVariables.WAVE_ID, waveId)
                .list();
        if (waiting.isEmpty()) {
            throw ApiException.conflict("Cette vague n'attend pas de démarrage : elle n'est pas encore à son tour, "
                    + "ou elle a déjà démarré.");
        }
        projects.recordDecision(projectId, "WAVE", "STARTED_BY_HAND", "Vague n° " + waveId, user.username());
        runtime.createMessageCorrelation(LifecycleVariables.WAVE_START_MESSAGE)
                .processInstanceVariableEquals(LifecycleVariables.WAVE_ID, waveId)
                .correlate();
    }

    @Transactional
    public Wave recordTraining(long projectId, long waveId, String username, CurrentUser referent) {
        waveOf(projectId, waveId);
        int updated = jdbc.sql(
                        "update wave_person set trained_at = now() where wave_id = ? and username = ? and trained_at is null")
                .params(waveId, username)
                .update();
        if (updated == 0
                && jdbc.sql("select count(*) from wave_person where wave_id = ? and username = ?")
                                .params(waveId, username)
                                .query(Integer.class)
                                .single()
                        == 0) {
            throw ApiException.notFound(username + " ne fait pas partie de cette vague.");
        }
        projects.recordDecision(
                projectId, "TRAINING", "COMPLETED", username + " (vague n° " + waveId + ")", referent.username());
        return wave(waveId);
    }

    /** The referent confirms the wave's training is done; refused while someone is untrained. */
    @Transactional
    public void completeTraining(long projectId, long waveId, CurrentUser referent) {
        waveOf(projectId, waveId);
        var task = tasks.require(projectId, "completeTraining", referent, "de formation");
        List<String> untrained = untrained(waveId);
        if (!untrained.isEmpty()) {
            throw ApiException.conflict("Formation non terminée pour : " + String.join(", ", untrained)
                    + ". La vague ne peut pas démarrer avant (AI Act, article 4).");
        }
        tasks.complete(task, referent, Map.of());
    }

    public boolean allTrained(long waveId) {
        return untrained(waveId).isEmpty();
    }

    private List<String> untrained(long waveId) {
        return jdbc.sql("select username from wave_person where wave_id = ? and trained_at is null order by username")
                .param(waveId)
                .query(String.class)
                .list();
    }

    // --- called by the wave process ---

    public java.util.Date plannedStart(long waveId) {
        return java.util.Date.from(wave(waveId).plannedStart().toInstant());
    }

    @Transactional
    public void enable(long waveId) {
        Wave w = wave(waveId);
        String useCase = projects.require(w.projectId()).useCaseKey();
        w.entities().forEach(e -> enablement.set(useCase, e, "AI", w.projectId(), "system"));
        jdbc.sql("update rollout_wave set status = 'RUNNING', started_at = now(), pause_reason = null where id = ?")
                .param(waveId)
                .update();
    }

    /** CLOSED when the wave was closed by hand, BREACH when a KPI with enough cases crossed its guardrail. */
    @Transactional
    public String check(long waveId) {
        Wave w = wave(waveId);
        if (w.status().equals("COMPLETED")) {
            return "CLOSED";
        }
        List<String> crossed = w.kpis().stream()
                .filter(k -> k.guardrailCrossed() && k.pilotCases() >= settings.guardrailMinCases())
                .map(k -> k.label() + " : " + format(k.pilot()) + " " + k.unit() + " (garde-fou "
                        + format(k.guardrail()) + " " + k.unit() + ", " + k.pilotCases() + " dossiers)")
                .toList();
        if (crossed.isEmpty()) {
            return "RUNNING";
        }
        jdbc.sql("update rollout_wave set pause_reason = ? where id = ?")
                .params(String.join(" ; ", crossed), waveId)
                .update();
        return "BREACH";
    }

    @Transactional
    public void pause(long waveId) {
        Wave w = wave(waveId);
        String useCase = projects.require(w.projectId()).useCaseKey();
        w.entities().forEach(e -> enablement.set(useCase, e, "PAUSED", w.projectId(), "system"));
        jdbc.sql("update rollout_wave set status = 'PAUSED' where id = ?")
                .param(waveId)
                .update();
        projects.recordDecision(w.projectId(), "WAVE", "PAUSED_BY_GUARDRAIL", w.pauseReason(), "system");
    }

    /** Resumed: a fresh measurement window, so the breach that paused it does not trip again at once. */
    @Transactional
    public void resume(long waveId) {
        enable(waveId);
    }

    @Transactional
    public void stop(long waveId) {
        Wave w = wave(waveId);
        String useCase = projects.require(w.projectId()).useCaseKey();
        w.entities().forEach(e -> enablement.set(useCase, e, "OFF", w.projectId(), "system"));
        jdbc.sql("update rollout_wave set status = 'STOPPED' where id = ?")
                .param(waveId)
                .update();
    }

    @Transactional
    public void decideBreach(long projectId, long waveId, boolean resume, String rationale, CurrentUser manager) {
        waveOf(projectId, waveId);
        var task = tasks.require(projectId, "handleBreach", manager, "de décision sur un garde-fou franchi");
        if (rationale == null || rationale.isBlank()) {
            throw ApiException.invalidField("rationale", "Expliquez la décision.");
        }
        projects.recordDecision(
                projectId, "WAVE_BREACH", resume ? "RESUME" : "STOP", rationale.trim(), manager.username());
        tasks.complete(task, manager, Map.of(LifecycleVariables.BREACH_DECISION, resume ? "RESUME" : "STOP"));
    }

    /** The wave is done: its entities keep the use case; the next wave (if any) begins its wait. */
    @Transactional
    public void close(long projectId, long waveId, CurrentUser user) {
        Wave w = waveOf(projectId, waveId);
        if (!w.status().equals("RUNNING")) {
            throw ApiException.conflict("Seule une vague en cours peut être close.");
        }
        jdbc.sql("update rollout_wave set status = 'COMPLETED' where id = ?")
                .param(waveId)
                .update();
        projects.recordDecision(projectId, "WAVE", "COMPLETED", "Vague n° " + waveId, user.username());
    }

    // --- kill switches ---

    @Transactional
    public void killUseCase(String useCaseKey, boolean killed, String reason, CurrentUser user) {
        if (useCases.find(useCaseKey).isEmpty()) {
            throw ApiException.notFound("Le cas d'usage « " + useCaseKey + " » n'existe pas.");
        }
        if (killed) {
            if (reason == null || reason.isBlank()) {
                throw ApiException.invalidField("reason", "Indiquez pourquoi l'IA est coupée.");
            }
            enablement.killUseCase(useCaseKey, reason.trim(), user.username());
        } else {
            enablement.reviveUseCase(useCaseKey);
        }
        projects.usingUseCase(useCaseKey)
                .forEach(p -> projects.recordDecision(
                        p.id(),
                        "KILL_SWITCH",
                        killed ? "USE_CASE_KILLED" : "USE_CASE_REVIVED",
                        reason,
                        user.username()));
    }

    @Transactional
    public void killEntity(String useCaseKey, String entityCode, boolean killed, String reason, CurrentUser user) {
        enablement.killEntity(useCaseKey, entityCode, killed, user.username());
        projects.usingUseCase(useCaseKey)
                .forEach(p -> projects.recordDecision(
                        p.id(),
                        "KILL_SWITCH",
                        (killed ? "ENTITY_KILLED " : "ENTITY_REVIVED ") + entityCode,
                        reason,
                        user.username()));
    }

    @Transactional
    public void periodicReview(long projectId, boolean retire, String rationale, CurrentUser manager) {
        projects.require(projectId);
        var task = tasks.require(projectId, "periodicReview", manager, "de revue périodique");
        if (rationale == null || rationale.isBlank()) {
            throw ApiException.invalidField("rationale", "Résumez la revue.");
        }
        projects.recordDecision(
                projectId, "PERIODIC_REVIEW", retire ? "RETIRE" : "CONTINUE", rationale.trim(), manager.username());
        tasks.complete(task, manager, Map.of(LifecycleVariables.REVIEW_DECISION, retire ? "RETIRE" : "CONTINUE"));
    }

    private List<WaveRow> waveRows(long projectId) {
        return jdbc.sql("select * from rollout_wave where project_id = ? order by seq")
                .param(projectId)
                .query(Rows.of(WaveRow.class))
                .list();
    }

    private List<String> entityCodes(long waveId) {
        return jdbc.sql("select entity_code from wave_entity where wave_id = ? order by entity_code")
                .param(waveId)
                .query(String.class)
                .list();
    }

    private static String format(Double d) {
        return d == null ? "—" : String.format(java.util.Locale.FRANCE, "%.1f", d);
    }
}
