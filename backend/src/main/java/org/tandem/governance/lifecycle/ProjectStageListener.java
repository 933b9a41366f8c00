package org.tandem.governance.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Keeps the project's stage in step with its process: {@code ${projectStage.mark(execution, 'SCORING')}}. */
@Component("projectStage")
public class ProjectStageListener {

    private final ProjectRepository projects;

    ProjectStageListener(ProjectRepository projects) {
        this.projects = projects;
    }

    public void mark(DelegateExecution execution, String stage) {
        projects.updateStage(LifecycleVariables.projectId(execution), ProjectStage.valueOf(stage));
    }
}
