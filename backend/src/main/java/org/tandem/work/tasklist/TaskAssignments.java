package org.tandem.work.tasklist;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;
import org.tandem.work.TaskAccess;
import org.tandem.work.inbox.InboxSearch;

/**
 * Claim, unclaim, hand over and dates of a task: through Camunda's TaskService (the truth), the
 * read model following by its listeners in the same transaction.
 */
@Service
class TaskAssignments {

    private final TaskService tasks;
    private final IdentityService identities;
    private final TaskAccess access;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    TaskAssignments(
            TaskService tasks,
            IdentityService identities,
            TaskAccess access,
            TransactionTemplate transaction,
            JdbcClient jdbc,
            AuditTrail audit) {
        this.audit = audit;
        this.tasks = tasks;
        this.identities = identities;
        this.access = access;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    void claim(String taskId, CurrentUser user) {
        Task task = access.requireActionable(taskId, user);
        if (user.username().equals(task.getAssignee())) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> {
                tasks.claim(taskId, user.username());
                record(task, user, AuditType.TASK_CLAIMED, Map.of());
            });
        } catch (TaskAlreadyClaimedException e) {
            throw ApiException.conflict(
                    "Cette tâche vient d'être prise en charge par " + e.getTaskAssignee() + ". Rechargez la liste.");
        }
    }

    void unclaim(String taskId, CurrentUser user) {
        Task task = access.requireActionable(taskId, user);
        inLock(taskId, assignee -> {
            if (!user.username().equals(assignee)) {
                throw assignee == null
                        ? ApiException.conflict("Cette tâche n'est plus prise en charge par personne.")
                        : ApiException.conflict("Cette tâche est prise en charge par " + assignee
                                + " : vous ne pouvez pas la rendre à sa place.");
            }
            tasks.setAssignee(taskId, null);
            record(task, user, AuditType.TASK_UNCLAIMED, Map.of());
        });
    }

    /** Hands the task to another member of its candidate groups (or one of its candidate users). */
    void handOver(String taskId, String target, CurrentUser user) {
        if (target == null || target.isBlank()) {
            throw ApiException.invalidField("username", "Choisissez la personne à qui confier la tâche.");
        }
        String to = target.trim();
        if (to.equals(user.username())) {
            throw ApiException.invalidField("username", "Pour vous confier la tâche, utilisez « Prendre en charge ».");
        }
        Task task = access.requireActionable(taskId, user);
        if (!candidates(taskId, user).containsKey(to)) {
            throw ApiException.invalidField(
                    "username",
                    "« " + to + " » ne fait pas partie des groupes de cette tâche :"
                            + " elle ne peut pas lui être confiée.");
        }
        inLock(taskId, assignee -> {
            if (assignee != null && !assignee.equals(user.username())) {
                throw ApiException.conflict(
                        "Cette tâche vient d'être prise en charge par " + assignee + ". Rechargez la liste.");
            }
            tasks.setAssignee(taskId, to);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", assignee);
            details.put("to", to);
            record(task, user, AuditType.TASK_HANDED_OVER, details);
        });
    }

    /** The people the task may be handed to: members of its candidate groups and its candidate users. */
    Map<String, String> candidates(String taskId, CurrentUser user) {
        access.requireVisible(taskId, user);
        Map<String, String> people = new LinkedHashMap<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            List<User> users = link.getGroupId() != null
                    ? identities
                            .createUserQuery()
                            .memberOfGroup(link.getGroupId())
                            .orderByUserLastName()
                            .asc()
                            .list()
                    : identities.createUserQuery().userId(link.getUserId()).list();
            users.forEach(u -> people.putIfAbsent(u.getId(), displayName(u)));
        }
        people.remove(user.username());
        return people;
    }

    /** Due and follow-up dates: set by the person who holds the task. A null date clears it. */
    void setDates(String taskId, LocalDate due, LocalDate followUp, CurrentUser user) {
        Task visible = access.requireActionable(taskId, user);
        LocalDate today = LocalDate.now(InboxSearch.ZONE);
        if (due != null && due.isBefore(today)) {
            throw ApiException.invalidField("due", "L'échéance ne peut pas être dans le passé.");
        }
        if (due != null && due.isAfter(today.plusYears(5))) {
            throw ApiException.invalidField("due", "L'échéance doit tomber dans les cinq ans.");
        }
        if (followUp != null && due != null && followUp.isAfter(due)) {
            throw ApiException.invalidField("followUp", "La date de relance doit précéder l'échéance.");
        }
        if (followUp != null && followUp.isAfter(today.plusYears(5))) {
            throw ApiException.invalidField("followUp", "La date de relance doit tomber dans les cinq ans.");
        }
        inLock(taskId, assignee -> {
            if (!user.username().equals(assignee)) {
                throw ApiException.forbidden(
                        "Prenez d'abord la tâche en charge : seule la personne qui la traite" + " fixe ses dates.");
            }
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            // due at the end of the day (not overdue during it), follow-up from its start
            task.setDueDate(due == null ? null : Date.from(endOf(due).toInstant()));
            task.setFollowUpDate(
                    followUp == null
                            ? null
                            : Date.from(followUp.atStartOfDay(InboxSearch.ZONE).toInstant()));
            tasks.saveTask(task);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("due", due == null ? null : due.toString());
            details.put("followUp", followUp == null ? null : followUp.toString());
            record(visible, user, AuditType.TASK_DATES_CHANGED, details);
        });
    }

    private static ZonedDateTime endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(InboxSearch.ZONE).minusSeconds(1);
    }

    /**
     * Runs a change with the task's row locked: a concurrent claim waits, then fails on Camunda's
     * optimistic lock (409), instead of the two changes overwriting each other.
     */
    private void inLock(String taskId, java.util.function.Consumer<String> change) {
        transaction.executeWithoutResult(status -> {
            var row = access.lock(taskId);
            if (row.isEmpty()) {
                throw ApiException.conflict("Cette tâche a déjà été traitée. Rechargez la liste.");
            }
            change.accept(row.get().orElse(null));
        });
    }

    /**
     * Writes the change to its case's audit trail, in the change's transaction. Tasks without a case
     * (standing authorisations) have no trail: the engine's history keeps their assignments.
     */
    private void record(Task task, CurrentUser user, AuditType type, Map<String, ?> details) {
        var caseId = jdbc.sql("select case_id from inbox_task where task_id = ? and case_id is not null")
                .param(task.getId())
                .query(Long.class)
                .optional();
        if (caseId.isEmpty()) {
            return;
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("task", task.getName());
        all.put("taskId", task.getId());
        all.putAll(details);
        audit.append(caseId.get(), user.username(), type, all);
    }

    private static String displayName(User u) {
        String name = (Objects.toString(u.getFirstName(), "") + " " + Objects.toString(u.getLastName(), "")).trim();
        return name.isEmpty() ? u.getId() : name;
    }
}
