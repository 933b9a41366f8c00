package org.tandem.governance.lifecycle;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.governance.CaseParticipants;
import org.tandem.governance.SurveySampling;
import org.tandem.governance.UseCaseEnablement;
import org.tandem.governance.entities.EntityDirectory;
import org.tandem.platform.database.Rows;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.time.EngineClock;
import org.tandem.platform.usecase.UseCaseCatalog;
import org.tandem.platform.web.ApiException;

/** The experiment: pilot vs control entities, KPIs measured from real cases, feedback and the decision. */
@Service
public class ExperimentService {

    public enum Decision {
        STOP,
        ADJUST,
        GENERALISE
    }

    public record Participation(String entityCode, String entityName, String role) {}

    public record KpiValue(
            long kpiId,
            String metric,
            String label,
            String unit,
            String direction,
            Double baseline,
            double target,
            double guardrail,
            Double pilot,
            int pilotCases,
            Double control,
            int controlCases,
            boolean meetsTarget,
            boolean guardrailCrossed) {}

    /** One point of a KPI's time series: the value over the pilot's cases of a day. */
    public record SeriesPoint(String day, String metric, Double pilot, Double control) {}

    public record Feedback(long id, String author, String text, OffsetDateTime createdAt) {}

    public record Dashboard(
            long projectId,
            String useCaseKey,
            OffsetDateTime startedAt,
            List<Participation> entities,
            List<String> keyUsers,
            int surveyOneIn,
            List<KpiValue> kpis,
            Double measuredMinutesSaved,
            List<SeriesPoint> series,
            List<Feedback> feedback,
            List<ProjectDecision> decisions,
            WithoutAi withoutAi) {}

    /**
     * The closed cases the advisers of the experiment's entities chose to write « sans IA » (proposal 15):
     * apart from the pilot's and the control group's figures, their number, their share of all the closed
     * cases of these entities, and their mean time to approval in minutes.
     */
    public record WithoutAi(int cases, int inPilot, int inControl, Double share, Double timeToApprovalMinutes) {}

    private final JdbcClient jdbc;
    private final ProjectRepository projects;
    private final ProjectTasks tasks;
    private final KpiRepository kpis;
    private final EntityDirectory entities;
    private final UseCaseEnablement enablement;
    private final UseCaseCatalog useCases;
    private final CaseParticipants participants;

    ExperimentService(
            JdbcClient jdbc,
            ProjectRepository projects,
            ProjectTasks tasks,
            KpiRepository kpis,
            EntityDirectory entities,
            UseCaseEnablement enablement,
            UseCaseCatalog useCases,
            CaseParticipants participants) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.tasks = tasks;
        this.kpis = kpis;
        this.entities = entities;
        this.enablement = enablement;
        this.useCases = useCases;
        this.participants = participants;
    }

    /** Records the set-up and completes the task: the use case then opens in the pilot entities. */
    @Transactional
    public void setUp(long projectId, ExperimentSetup setup, CurrentUser manager) {
        Project project = projects.require(projectId);
        var task = tasks.require(projectId, "setupExperiment", manager, "la préparation d'une expérimentation");
        if (useCases.find(setup.useCaseKey()).isEmpty()) {
            throw ApiException.invalidField(
                    "useCaseKey", "Le cas d'usage « " + setup.useCaseKey() + " » n'existe pas.");
        }
        List<String> pilots = setup.pilotEntities() == null ? List.of() : setup.pilotEntities();
        List<String> controls = setup.controlEntities() == null ? List.of() : setup.controlEntities();
        if (pilots.isEmpty()) {
            throw ApiException.invalidField("pilotEntities", "Choisissez au moins une entité pilote.");
        }
        Set<String> all = new HashSet<>();
        for (String code : concat(pilots, controls)) {
            if (entities.find(code).isEmpty()) {
                throw ApiException.invalidField("pilotEntities", "L'entité « " + code + " » n'existe pas.");
            }
            if (!all.add(code)) {
                throw ApiException.invalidField(
                        "controlEntities",
                        "L'entité « " + entities.nameOf(code) + " » ne peut pas être à la fois pilote et témoin.");
            }
        }
        if (setup.kpis() == null || setup.kpis().isEmpty()) {
            throw ApiException.invalidField(
                    "kpis", "Définissez au moins un indicateur, avec sa cible et son garde-fou.");
        }
        int surveyOneIn = setup.surveyOneIn() == null ? SurveySampling.DEFAULT_ONE_IN : setup.surveyOneIn();
        if (surveyOneIn < 1 || surveyOneIn > 100) {
            throw ApiException.invalidField(
                    "surveyOneIn",
                    "L'enquête de confort se pose après un dossier sur N : " + "N va de 1 (chaque dossier) à 100.");
        }
        Set<KpiMetric> metrics = new HashSet<>();
        List<KpiRepository.Kpi> rows = new ArrayList<>();
        for (ExperimentSetup.KpiInput k : setup.kpis()) {
            if (!metrics.add(k.metric())) {
                throw ApiException.invalidField(
                        "kpis", "L'indicateur « " + k.metric().label() + " » est en double.");
            }
            if (KpiCalculator.meets(k.metric().direction(), k.guardrail(), k.target())
                    && !k.guardrail().equals(k.target())) {
                throw ApiException.invalidField(
                        "kpis",
                        "Le garde-fou de « " + k.metric().label()
                                + " » doit être moins bon que la cible : c'est le seuil où l'on s'arrête.");
            }
            rows.add(new KpiRepository.Kpi(
                    0,
                    projectId,
                    k.metric().name(),
                    k.metric().unit(),
                    k.metric().direction().name(),
                    k.baseline(),
                    k.target(),
                    k.guardrail()));
        }
        if (project.useCaseKey() != null && !project.useCaseKey().equals(setup.useCaseKey())) {
            // the adjust loop changed the use case: the former one is no longer this project's
            enablement.setAll(project.useCaseKey(), "OFF", manager.username());
        }
        projects.recordUseCase(projectId, setup.useCaseKey());
        jdbc.sql("update genai_project set survey_one_in = ? where id = ?")
                .params(surveyOneIn, projectId)
                .update();
        jdbc.sql("delete from experiment_entity where project_id = ?")
                .param(projectId)
                .update();
        pilots.forEach(
                c -> jdbc.sql("insert into experiment_entity (project_id, entity_code, role) values (?, ?, 'PILOT')")
                        .params(projectId, c)
                        .update());
        controls.forEach(
                c -> jdbc.sql("insert into experiment_entity (project_id, entity_code, role) values (?, ?, 'CONTROL')")
                        .params(projectId, c)
                        .update());
        jdbc.sql("delete from experiment_key_user where project_id = ?")
                .param(projectId)
                .update();
        (setup.keyUsers() == null ? List.<String>of() : setup.keyUsers())
                .stream()
                        .distinct()
                        .forEach(u -> jdbc.sql("insert into experiment_key_user (project_id, username) values (?, ?)")
                                .params(projectId, u)
                                .update());
        kpis.replaceKpis(projectId, rows);
        projects.recordDecision(
                projectId,
                "EXPERIMENT_SETUP",
                "READY",
                "Pilotes : " + String.join(", ", pilots) + " ; témoins : " + String.join(", ", controls),
                manager.username());
        tasks.complete(task, manager, Map.of());
    }

    /** Called by the process once the set-up is complete (and after each adjustment). */
    @Transactional
    public void start(long projectId) {
        Project project = projects.require(projectId);
        for (Participation p : participations(projectId)) {
            enablement.set(
                    project.useCaseKey(),
                    p.entityCode(),
                    p.role().equals("PILOT") ? "AI" : "CONTROL",
                    projectId,
                    "system");
        }
        if (project.experimentStartedAt() == null) {
            projects.markExperimentStarted(projectId);
        }
    }

    @Transactional
    public void decide(long projectId, Decision decision, String rationale, CurrentUser manager) {
        projects.require(projectId);
        var task = tasks.require(projectId, "experimentDecision", manager, "de décision d'expérimentation");
        if (rationale == null || rationale.isBlank()) {
            throw ApiException.invalidField(
                    "rationale", "Expliquez la décision : elle est enregistrée avec votre nom.");
        }
        projects.recordDecision(projectId, "EXPERIMENT", decision.name(), rationale.trim(), manager.username());
        tasks.complete(task, manager, Map.of(LifecycleVariables.EXPERIMENT_DECISION, decision.name()));
    }

    public void addFeedback(long projectId, String text, CurrentUser author) {
        projects.require(projectId);
        if (text == null || text.isBlank()) {
            throw ApiException.invalidField("text", "Écrivez votre retour.");
        }
        jdbc.sql("insert into project_feedback (project_id, author, text) values (?, ?, ?)")
                .params(projectId, author.username(), text.trim())
                .update();
    }

    /** The one-question comfort survey after working a case, with the time saved as the person feels it. */
    public void answerSurvey(long caseId, int comfort, Double minutesSaved, CurrentUser person) {
        requireRequester(caseId);
        if (!participants.workedOn(caseId, person.username())) {
            throw ApiException.forbidden(
                    "Seules les personnes qui ont travaillé sur ce dossier répondent à son enquête.");
        }
        if (comfort < 1 || comfort > 5) {
            throw ApiException.invalidField("comfort", "Répondez de 1 (pas du tout) à 5 (tout à fait).");
        }
        if (minutesSaved != null && (minutesSaved < -600 || minutesSaved > 600)) {
            throw ApiException.invalidField("minutesSaved", "Le temps gagné s'exprime en minutes, entre -600 et 600.");
        }
        jdbc.sql("""
                        insert into comfort_survey (case_id, username, comfort, minutes_saved, answered_at) values (?, ?, ?, ?, ?)
                        on conflict (case_id, username) do update set comfort = excluded.comfort,
                            minutes_saved = excluded.minutes_saved, answered_at = excluded.answered_at""")
                .params(caseId, person.username(), comfort, minutesSaved, EngineClock.now())
                .update();
    }

    /** The member's satisfaction, recorded on the case by the adviser who handled the request. */
    public void recordSatisfaction(long caseId, int score, CurrentUser adviser) {
        if (!requireRequester(caseId).equals(adviser.username())) {
            throw ApiException.forbidden(
                    "Seul le conseiller qui a porté la demande enregistre la satisfaction du sociétaire.");
        }
        if (score < 1 || score > 5) {
            throw ApiException.invalidField("score", "La satisfaction se note de 1 à 5.");
        }
        jdbc.sql("""
                        insert into member_satisfaction (case_id, score, recorded_by, recorded_at) values (?, ?, ?, ?)
                        on conflict (case_id) do update set score = excluded.score, recorded_by = excluded.recorded_by,
                            recorded_at = excluded.recorded_at""")
                .params(caseId, score, adviser.username(), EngineClock.now())
                .update();
    }

    private String requireRequester(long caseId) {
        return participants
                .requester(caseId)
                .orElseThrow(() -> ApiException.notFound("Le dossier n° " + caseId + " n'existe pas."));
    }

    public List<Participation> participations(long projectId) {
        return jdbc.sql(
                        "select entity_code, role from experiment_entity where project_id = ? order by role desc, entity_code")
                .param(projectId)
                .query((rs, n) -> new Participation(rs.getString(1), entities.nameOf(rs.getString(1)), rs.getString(2)))
                .list();
    }

    public List<String> entitiesOf(long projectId, String role) {
        return participations(projectId).stream()
                .filter(p -> p.role().equals(role))
                .map(Participation::entityCode)
                .toList();
    }

    public Dashboard dashboard(long projectId) {
        Project project = projects.require(projectId);
        OffsetDateTime since =
                project.experimentStartedAt() == null ? OffsetDateTime.now() : project.experimentStartedAt();
        List<CaseSample> pilot = kpis.samples(project.useCaseKey(), entitiesOf(projectId, "PILOT"), since);
        List<CaseSample> control = kpis.samples(project.useCaseKey(), entitiesOf(projectId, "CONTROL"), since);
        List<CaseSample> pilotWithoutAi =
                kpis.withoutAiSamples(project.useCaseKey(), entitiesOf(projectId, "PILOT"), since);
        List<CaseSample> controlWithoutAi =
                kpis.withoutAiSamples(project.useCaseKey(), entitiesOf(projectId, "CONTROL"), since);
        List<KpiValue> values =
                kpis.kpis(projectId).stream().map(k -> value(k, pilot, control)).toList();
        Double pilotTime = KpiCalculator.value(KpiMetric.TIME_TO_APPROVAL, pilot);
        Double controlTime = KpiCalculator.value(KpiMetric.TIME_TO_APPROVAL, control);
        Double saved = pilotTime == null || controlTime == null ? null : controlTime - pilotTime;
        return new Dashboard(
                projectId,
                project.useCaseKey(),
                project.experimentStartedAt(),
                participations(projectId),
                jdbc.sql("select username from experiment_key_user where project_id = ? order by username")
                        .param(projectId)
                        .query(String.class)
                        .list(),
                jdbc.sql("select survey_one_in from genai_project where id = ?")
                        .param(projectId)
                        .query(Integer.class)
                        .single(),
                values,
                saved,
                series(kpis.kpis(projectId), pilot, control),
                jdbc.sql(
                                "select id, author, text, created_at from project_feedback where project_id = ? order by created_at desc")
                        .param(projectId)
                        .query(Rows.of(Feedback.class))
                        .list(),
                projects.decisions(projectId),
                withoutAi(pilot.size() + control.size(), pilotWithoutAi, controlWithoutAi));
    }

    static WithoutAi withoutAi(int withAiOrControl, List<CaseSample> pilot, List<CaseSample> control) {
        List<CaseSample> all = new java.util.ArrayList<>(pilot);
        all.addAll(control);
        int total = withAiOrControl + all.size();
        return new WithoutAi(
                all.size(),
                pilot.size(),
                control.size(),
                total == 0 ? null : (double) all.size() / total,
                KpiCalculator.value(KpiMetric.TIME_TO_APPROVAL, all));
    }

    static KpiValue value(KpiRepository.Kpi k, List<CaseSample> pilot, List<CaseSample> control) {
        KpiMetric m = k.kpiMetric();
        Double p = KpiCalculator.value(m, pilot);
        return new KpiValue(
                k.id(),
                k.metric(),
                m.label(),
                k.unit(),
                k.direction(),
                k.baseline(),
                k.target(),
                k.guardrail(),
                p,
                KpiCalculator.sampleSize(m, pilot),
                KpiCalculator.value(m, control),
                KpiCalculator.sampleSize(m, control),
                KpiCalculator.meets(k.kpiDirection(), p, k.target()),
                KpiCalculator.crosses(k.kpiDirection(), p, k.guardrail()));
    }

    private static List<SeriesPoint> series(
            List<KpiRepository.Kpi> kpiList, List<CaseSample> pilot, List<CaseSample> control) {
        Map<String, List<CaseSample>> pilotByDay = byDay(pilot);
        Map<String, List<CaseSample>> controlByDay = byDay(control);
        java.util.TreeSet<String> days = new java.util.TreeSet<>(pilotByDay.keySet());
        days.addAll(controlByDay.keySet());
        List<SeriesPoint> points = new ArrayList<>();
        for (String day : days) {
            for (KpiRepository.Kpi k : kpiList) {
                points.add(new SeriesPoint(
                        day,
                        k.metric(),
                        KpiCalculator.value(k.kpiMetric(), pilotByDay.getOrDefault(day, List.of())),
                        KpiCalculator.value(k.kpiMetric(), controlByDay.getOrDefault(day, List.of()))));
            }
        }
        return points;
    }

    private static Map<String, List<CaseSample>> byDay(List<CaseSample> samples) {
        Map<String, List<CaseSample>> map = new LinkedHashMap<>();
        samples.forEach(s -> map.computeIfAbsent(s.createdAt().toLocalDate().toString(), d -> new ArrayList<>())
                .add(s));
        return map;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
