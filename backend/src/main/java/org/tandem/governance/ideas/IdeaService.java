package org.tandem.governance.ideas;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.governance.lifecycle.LifecycleSettings;
import org.tandem.governance.lifecycle.LifecycleVariables;
import org.tandem.governance.lifecycle.Project;
import org.tandem.governance.lifecycle.ProjectRepository;
import org.tandem.governance.lifecycle.ProjectStage;
import org.tandem.governance.lifecycle.ProjectTasks;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;

/** The idea box: any employee submits; an AI referent triages. Each idea runs the project process. */
@Service
public class IdeaService {

    private final ProjectRepository projects;
    private final ProjectTasks tasks;
    private final RuntimeService runtimeService;
    private final LifecycleSettings settings;
    private final JdbcClient jdbc;

    IdeaService(
            ProjectRepository projects,
            ProjectTasks tasks,
            RuntimeService runtimeService,
            LifecycleSettings settings,
            JdbcClient jdbc) {
        this.projects = projects;
        this.tasks = tasks;
        this.runtimeService = runtimeService;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @Transactional
    public Project submit(IdeaRequest idea, CurrentUser submitter) {
        if (jdbc.sql("select count(*) from directorate where code = ?")
                        .param(idea.directorateCode())
                        .query(Integer.class)
                        .single()
                == 0) {
            throw ApiException.invalidField(
                    "directorateCode", "La direction « " + idea.directorateCode() + " » n'existe pas.");
        }
        long id = projects.insert(
                new ProjectRepository.NewIdea(
                        idea.title().trim(),
                        idea.problem().trim(),
                        idea.team().trim(),
                        idea.frequency().trim(),
                        idea.timeSpent().trim(),
                        idea.dataInvolved().trim(),
                        idea.directorateCode()),
                submitter.username());
        Map<String, Object> variables = new HashMap<>();
        variables.put(LifecycleVariables.PROJECT_ID, id);
        variables.put(LifecycleVariables.SUBMITTED_BY, submitter.username());
        variables.put(LifecycleVariables.REVIEW_PERIOD, settings.reviewPeriod());
        variables.put(LifecycleVariables.GUARDRAIL_CHECK_INTERVAL, settings.guardrailCheckInterval());
        var instance = runtimeService.startProcessInstanceByKey(
                LifecycleVariables.PROJECT_PROCESS, ProjectRepository.businessKey(id), variables);
        projects.attachProcess(id, instance.getId());
        projects.recordDecision(id, "IDEA", "SUBMITTED", null, submitter.username());
        return projects.require(id);
    }

    @Transactional
    public Project triage(long id, TriageRequest request, CurrentUser referent) {
        Project project = projects.require(id);
        var task = tasks.require(id, "triage", referent, "de tri");
        String reason = request.reason() == null ? null : request.reason().trim();
        switch (request.decision()) {
            case REJECT -> {
                if (reason == null || reason.isEmpty()) {
                    throw ApiException.invalidField(
                            "reason", "Expliquez à l'auteur de l'idée pourquoi elle est écartée.");
                }
                projects.reject(id, reason);
            }
            case MERGE -> {
                if (request.mergeInto() == null || request.mergeInto() == id) {
                    throw ApiException.invalidField("mergeInto", "Choisissez l'idée avec laquelle fusionner celle-ci.");
                }
                Project target = projects.find(request.mergeInto())
                        .orElseThrow(() -> ApiException.invalidField(
                                "mergeInto", "L'idée n° " + request.mergeInto() + " n'existe pas."));
                if (target.stage() == ProjectStage.MERGED) {
                    throw ApiException.invalidField(
                            "mergeInto",
                            "L'idée n° " + target.id()
                                    + " a elle-même été fusionnée : choisissez celle qui a été conservée.");
                }
                projects.merge(id, target.id());
                if (reason == null || reason.isEmpty()) {
                    reason = "Fusionnée avec l'idée n° " + target.id() + " « " + target.title() + " ».";
                }
                projects.reject(id, reason);
            }
            case ACCEPT -> {}
        }
        projects.recordDecision(project.id(), "TRIAGE", request.decision().name(), reason, referent.username());
        tasks.complete(
                task,
                referent,
                Map.of(LifecycleVariables.TRIAGE_DECISION, request.decision().name()));
        return projects.require(id);
    }
}
