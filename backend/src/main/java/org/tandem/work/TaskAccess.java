package org.tandem.work;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;

/** Who may see and work a task: its assignee, or a member of one of its candidate groups. */
@Component
public class TaskAccess {

    private final TaskService taskService;
    private final HistoryService historyService;
    private final JdbcClient jdbc;
    /**
     * Process instance id → business key: a completion asked the engine for it three times (5 % of the CPU
     * under load, issue 18). Business keys never change in Tandem, so a bounded map serves every node.
     */
    private final Map<String, String> businessKeys = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 10_000;
        }
    });

    /** Joins the engine command already open on the thread (a completion's), or opens one. */
    private final CommandExecutor engineCommands;

    TaskAccess(TaskService taskService, HistoryService historyService, JdbcClient jdbc, ProcessEngine engine) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.jdbc = jdbc;
        this.engineCommands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
    }

    /**
     * Locks the task's row in the engine for the rest of the transaction, before anything is read or written
     * for a change of the task: a concurrent change waits, then finds the task as the first left it (gone, or
     * claimed) and is told so (409), instead of acting on a task that is no longer there.
     *
     * @return the task's assignee as it stands locked (empty: unassigned); none if the task is gone
     */
    public java.util.Optional<java.util.Optional<String>> lock(String taskId) {
        return jdbc.sql("select assignee_ from act_ru_task where id_ = ? for update")
                .param(taskId)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1)))
                .optional();
    }

    /** Open tasks the person may work, newest first. */
    public List<Task> visibleTo(CurrentUser user, int max) {
        return visibleQuery(user).orderByTaskCreateTime().desc().listPage(0, max);
    }

    private TaskQuery visibleQuery(CurrentUser user) {
        return visibleQuery(user, taskService.createTaskQuery().active());
    }

    private TaskQuery visibleQuery(CurrentUser user, TaskQuery base) {
        TaskQuery query = base.or().taskAssignee(user.username()).taskCandidateUser(user.username());
        if (!user.groups().isEmpty()) {
            // a claimed task belongs to its assignee (first branch); unclaimed ones to the candidate groups
            query = query.taskCandidateGroupIn(user.groups());
        }
        return query.endOr();
    }

    public Task requireVisible(String taskId, CurrentUser user) {
        // read by its key, not with a task query: the query's dynamic SQL took 3.6 % of a case's CPU (issue 18)
        Task task = engineCommands.execute(context -> context.getTaskManager().findTaskById(taskId));
        if (task == null) {
            throw goneOrUnknown(taskId);
        }
        // the same rule as visibleTo, decided on the task and its links (two plain reads) rather than by
        // the engine's or-query on candidates: this runs on every step a person takes
        if (user.username().equals(task.getAssignee())) {
            return task;
        }
        boolean candidate = isCandidate(taskId, user);
        if (candidate && task.getAssignee() == null) {
            return task; // suspended tasks included: their holders learn why they cannot act rather than "forbidden"
        }
        if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
            // completed by someone else between our reads
            throw goneOrUnknown(taskId);
        }
        if (candidate) {
            throw ApiException.conflict("Cette tâche est déjà prise en charge par " + task.getAssignee() + ".");
        }
        throw ApiException.forbidden("Cette tâche est réservée à un autre groupe : vous ne pouvez pas l'ouvrir.");
    }

    /** A task one may act on: visible, and its process instance not suspended. */
    public Task requireActionable(String taskId, CurrentUser user) {
        Task task = requireVisible(taskId, user);
        if (task.isSuspended()) {
            throw ApiException.conflict(ApiException.SUSPENDED);
        }
        return task;
    }

    /** Whether the person may work this open task now: theirs, or unclaimed and offered to them or their groups. */
    public boolean openTo(Task task, CurrentUser user) {
        if (task.getAssignee() != null) {
            return user.username().equals(task.getAssignee());
        }
        return isCandidate(task.getId(), user);
    }

    private boolean isCandidate(String taskId, CurrentUser user) {
        // read from the links: a task query cannot combine an or() of candidates with includeAssignedTasks()
        List<IdentityLinkEntity> links = engineCommands.execute(
                context -> context.getIdentityLinkManager().findIdentityLinksByTaskId(taskId));
        return links.stream()
                .filter(link -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> user.username().equals(link.getUserId())
                        || (link.getGroupId() != null && user.groups().contains(link.getGroupId())));
    }

    private ApiException goneOrUnknown(String taskId) {
        HistoricTaskInstance done = historyService
                .createHistoricTaskInstanceQuery()
                .taskId(taskId)
                .finished()
                .singleResult();
        if (done != null) {
            // the loser of a concurrent completion learns who won, without a second completion
            return ApiException.conflict("Cette tâche a déjà été traitée"
                    + (done.getAssignee() == null ? "." : " par " + done.getAssignee() + ".") + " Rechargez la liste.");
        }
        return ApiException.notFound("Cette tâche n'existe pas ou a déjà été traitée.");
    }

    public Task requireWorkable(String taskId, CurrentUser user) {
        Task task = requireActionable(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw ApiException.conflict("Cette tâche est déjà prise en charge par " + task.getAssignee() + ".");
        }
        return task;
    }

    /** The case the task works on: content tasks carry their case id as business key, others (authorisations) none. */
    public java.util.Optional<Long> caseId(Task task) {
        return caseIdOf(businessKey(task));
    }

    /** The case id a process business key stands for, if it stands for one. */
    public static java.util.Optional<Long> caseIdOf(String businessKey) {
        if (businessKey == null || businessKey.isEmpty() || businessKey.length() > 18) {
            return java.util.Optional.empty();
        }
        // 1 to 18 ASCII digits, checked without a regular expression: each completion asks (issue 18)
        for (int i = 0; i < businessKey.length(); i++) {
            char c = businessKey.charAt(i);
            if (c < '0' || c > '9') {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(Long.parseLong(businessKey));
    }

    /** Claims the task for the person deciding on it, unless it is theirs already. */
    public void claim(Task task, CurrentUser user) {
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user.username());
        }
    }

    public String businessKey(Task task) {
        String processInstanceId = task.getProcessInstanceId();
        String known = businessKeys.get(processInstanceId);
        if (known != null) {
            return known;
        }
        // the instance's row by key, not a process-instance query's dynamic SQL (each case's first task misses)
        String key = engineCommands.execute(ctx -> {
            ExecutionEntity instance = ctx.getExecutionManager().findExecutionById(processInstanceId);
            return instance == null ? null : instance.getBusinessKey();
        });
        if (key != null) {
            businessKeys.put(processInstanceId, key);
        }
        return key;
    }
}
