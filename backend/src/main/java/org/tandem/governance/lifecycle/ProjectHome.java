package org.tandem.governance.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.work.HomeSection;
import org.tandem.work.TaskAccess;

/**
 * Governance's sections of the home (issue 19): the projects waiting for a decision of the person (a
 * step of the lifecycle offered to their group: triage, scoring, the committee's opinion, an
 * experiment's decision, a rollout's training or breach), each linked to the screen of that step; and,
 * for managers and AI referents, the experiments and rollouts running, those with a guardrail crossed
 * first.
 */
@Configuration
class ProjectHome {

    static final Set<String> PROCESSES =
            Set.of("genai-project", "genai-ethics-review", "genai-experiment", "genai-rollout-wave");

    private static final Set<Role> STAFF = Set.of(Role.AI_REFERENT, Role.DIRECTORATE, Role.ETHICS, Role.MANAGER);

    @Bean
    HomeSection projectDecisions(ProjectRepository projects, ProjectTasks tasks, TaskAccess access) {
        return new HomeSection() {
            @Override
            public Optional<HomeEntry> of(CurrentUser user) {
                if (STAFF.stream().noneMatch(user::has)) {
                    return Optional.empty();
                }
                List<HomeItem> items = new ArrayList<>();
                for (Project p : projects.all()) {
                    if (p.stage().isClosed()) {
                        continue;
                    }
                    for (Task t : tasks.open(p.id())) {
                        if (access.openTo(t, user)) {
                            items.add(new HomeItem(
                                    p.title(),
                                    t.getName(),
                                    screen(t.getTaskDefinitionKey(), p.id()),
                                    user.username().equals(t.getAssignee()) ? "ASSIGNED" : null));
                        }
                    }
                }
                String link = user.has(Role.DIRECTORATE) || user.has(Role.MANAGER) ? "/portfolio" : landing(user);
                return Optional.of(new HomeEntry(
                        "projects.decide",
                        30,
                        items.size(),
                        link,
                        items.stream().limit(FIRST).toList()));
            }

            @Override
            public Set<String> processKeys() {
                return PROCESSES;
            }
        };
    }

    @Bean
    HomeSection runningExperiments(ProjectRepository projects, ExperimentService experiments) {
        return user -> {
            if (!user.has(Role.MANAGER) && !user.has(Role.AI_REFERENT)) {
                return Optional.empty();
            }
            record Running(Project project, boolean crossed) {}
            List<Running> running = projects.all().stream()
                    .filter(p -> p.stage() == ProjectStage.EXPERIMENT || p.stage() == ProjectStage.ROLLOUT)
                    .filter(p -> p.experimentStartedAt() != null)
                    .map(p -> new Running(
                            p,
                            experiments.dashboard(p.id()).kpis().stream()
                                    .anyMatch(ExperimentService.KpiValue::guardrailCrossed)))
                    .sorted(Comparator.comparing((Running r) -> !r.crossed()))
                    .toList();
            List<HomeSection.HomeItem> items = running.stream()
                    .limit(HomeSection.FIRST)
                    .map(r -> new HomeSection.HomeItem(
                            r.project().title(),
                            null,
                            r.project().stage() == ProjectStage.ROLLOUT
                                    ? "/experiments/" + r.project().id() + "/rollout"
                                    : "/experiments/" + r.project().id(),
                            r.crossed() ? "GUARDRAIL_CROSSED" : null))
                    .toList();
            return Optional.of(
                    new HomeSection.HomeEntry("experiments.running", 40, running.size(), "/experiments", items));
        };
    }

    /** The screen where a step of the lifecycle is done. */
    static String screen(String taskKey, long projectId) {
        return switch (taskKey) {
            case "triage", "necessity", "rework" -> "/ideas/triage";
            case "scoring" -> "/portfolio";
            case "ethicsReview" -> "/ethics";
            case "planRollout", "completeTraining", "handleBreach" -> "/experiments/" + projectId + "/rollout";
            default -> "/experiments/" + projectId;
        };
    }

    private static String landing(CurrentUser user) {
        if (user.has(Role.ETHICS)) {
            return "/ethics";
        }
        return user.has(Role.AI_REFERENT) ? "/ideas/triage" : "/portfolio";
    }
}
