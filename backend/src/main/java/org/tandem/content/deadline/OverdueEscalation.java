package org.tandem.content.deadline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.content.CaseRepository;
import org.tandem.content.ContentCase;
import org.tandem.content.ContentTasks;
import org.tandem.governance.entities.BusinessEntity;
import org.tandem.governance.entities.EntityDirectory;
import org.tandem.governance.entities.Placement;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.security.Role;
import org.tandem.platform.time.EngineClock;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;

/**
 * Escalates the overdue task of a case to a manager of the team, once per case (issue 19): the team is
 * the entity of the person who filed the case (else of the task's assignee), its managers the people
 * placed there who hold the MANAGER role, looked for up the entity tree. REASSIGN assigns the task to
 * the manager; TASK leaves it and tells the process to give the manager « Tâche en retard ». Without a
 * manager, the use case's approver group receives it, and the record says why.
 */
@Service
public class OverdueEscalation {

    /** What the process does next: the manager's task (TASK) or nothing more (REASSIGN, NONE). */
    public record Outcome(String escalatedAs, String assignee, String group) {
        static final Outcome NONE = new Outcome("NONE", null, null);
    }

    static final List<String> CASE_TASKS =
            List.of(ContentTasks.REVIEW, ContentTasks.EDIT, ContentTasks.HAND_DRAFT, ContentTasks.APPROVE);

    private final EscalationRepository repository;
    private final CaseRepository cases;
    private final UseCaseCatalog useCases;
    private final EntityDirectory entities;
    private final IdentityService identities;
    private final TaskService taskService;
    private final AuditTrail audit;

    OverdueEscalation(
            EscalationRepository repository,
            CaseRepository cases,
            UseCaseCatalog useCases,
            EntityDirectory entities,
            IdentityService identities,
            TaskService taskService,
            AuditTrail audit) {
        this.repository = repository;
        this.cases = cases;
        this.useCases = useCases;
        this.entities = entities;
        this.identities = identities;
        this.taskService = taskService;
        this.audit = audit;
    }

    /** The case's escalation, if one happened. */
    public Optional<TaskEscalation> of(long caseId) {
        return repository.findByCase(caseId);
    }

    /**
     * Escalates the open task of the case's process instance, unless the case was escalated already (a
     * task created again by a regeneration, another task's timer, a timer run twice): then nothing happens.
     */
    @Transactional
    public Outcome escalate(long caseId, String processInstanceId) {
        if (repository.findByCase(caseId).isPresent()) {
            return Outcome.NONE;
        }
        ContentCase c = cases.findById(caseId).orElse(null);
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKeyIn(CASE_TASKS.toArray(String[]::new))
                .orderByTaskCreateTime()
                .asc()
                .list()
                .stream()
                .findFirst()
                .orElse(null);
        if (c == null || task == null) {
            return Outcome.NONE;
        }
        UseCase useCase = useCases.require(c.useCaseKey());
        UseCase.Escalation mode = useCase.escalationMode();
        String entity = Optional.ofNullable(c.entityCode())
                .or(() -> entities.entityOf(c.requestedBy()))
                .or(() -> Optional.ofNullable(task.getAssignee()).flatMap(entities::entityOf))
                .orElse(null);
        Optional<String> manager = entity == null ? Optional.empty() : managerOf(entity, task.getAssignee());
        String fallback = manager.isPresent()
                ? null
                : entity == null
                        ? "Aucune entité connue pour " + c.requestedBy() + " : la tâche va au groupe d'approbation."
                        : "Aucun manager dans « " + entities.nameOf(entity)
                                + " » ni au-dessus : la tâche va au groupe d'approbation.";
        String group = manager.isPresent() ? null : useCase.approverGroup();
        TaskEscalation row = new TaskEscalation(
                0,
                caseId,
                task.getId(),
                task.getTaskDefinitionKey(),
                task.getName(),
                c.dueAt(),
                EngineClock.now(),
                mode.name(),
                manager.orElse(null),
                group,
                task.getAssignee(),
                entity,
                fallback,
                null,
                null,
                null);
        if (!repository.insertOnce(row)) {
            // another node's timer won the race: its escalation stands
            return Outcome.NONE;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("task", task.getName());
        details.put("taskKey", task.getTaskDefinitionKey());
        details.put("mode", mode.name());
        details.put("to", manager.orElse(""));
        details.put("group", group == null ? "" : group);
        details.put("from", task.getAssignee() == null ? "" : task.getAssignee());
        details.put("dueAt", c.dueAt() == null ? "" : c.dueAt().toString());
        if (fallback != null) {
            details.put("fallback", fallback);
        }
        audit.append(caseId, "system", AuditType.TASK_ESCALATED, details);
        if (mode == UseCase.Escalation.TASK) {
            return new Outcome(mode.name(), manager.orElse(null), manager.isPresent() ? Role.MANAGER.groupId() : group);
        }
        if (manager.isPresent()) {
            taskService.setAssignee(task.getId(), manager.get());
        } else {
            // no manager: the approver group may take the late task
            taskService.addCandidateGroup(task.getId(), group);
            taskService.setAssignee(task.getId(), null);
        }
        return new Outcome(mode.name(), manager.orElse(null), group);
    }

    /** A manager placed in the entity, else in the nearest entity above it; never the late task's assignee. */
    Optional<String> managerOf(String entityCode, String assignee) {
        String code = entityCode;
        for (int depth = 0; code != null && depth < 20; depth++) {
            Optional<String> found = entities.placementsIn(code).stream()
                    .map(Placement::username)
                    .filter(username -> !username.equals(assignee))
                    .filter(this::isManager)
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
            code = entities.find(code).map(BusinessEntity::parentCode).orElse(null);
        }
        return Optional.empty();
    }

    private boolean isManager(String username) {
        return identities
                        .createUserQuery()
                        .userId(username)
                        .memberOfGroup(Role.MANAGER.groupId())
                        .count()
                > 0;
    }
}
