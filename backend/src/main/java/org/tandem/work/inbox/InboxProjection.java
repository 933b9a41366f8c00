package org.tandem.work.inbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tandem.work.CaseFacts;
import org.tandem.work.DraftDisplays;
import org.tandem.work.TaskCases;
import org.tandem.work.TaskSubjects;

/**
 * Keeps {@code inbox_task} in step with the engine. Called by the task listeners that
 * {@link InboxEnginePlugin} adds to every user task, inside the engine's transaction: a task and
 * its row are committed (or rolled back) together.
 */
@Component
public class InboxProjection {

    static final String OPEN = "OPEN";

    private final InboxRepository rows;
    private final TaskCases cases;
    /** Looked up when a task is written, not at start-up: the engine plugin creates this bean early. */
    private final ObjectProvider<TaskSubjects> subjects;

    private final DraftDisplays displays;
    private final Map<String, String> processKeys = new ConcurrentHashMap<>();
    /** The tasks each open engine command changed, their rows refreshed once when it closes (weak: never kept). */
    private final Map<CommandContext, Refreshes> pending = Collections.synchronizedMap(new WeakHashMap<>());

    InboxProjection(
            InboxRepository rows, TaskCases cases, ObjectProvider<TaskSubjects> subjects, DraftDisplays displays) {
        this.rows = rows;
        this.displays = displays;
        this.cases = cases;
        this.subjects = subjects;
    }

    void on(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> rows.upsert(rowOf(task), factsOf(task));
            // assignment, dates, priority, candidates: refreshed as the command leaves the task (a claim fires two
            // events; a person's decision claims and completes in one command, and then needs no refresh at all)
            case TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE -> refreshLater(task);
            case TaskListener.EVENTNAME_COMPLETE -> end(task, "COMPLETED");
            case TaskListener.EVENTNAME_DELETE -> end(task, "DELETED");
            default -> {
                // timeout listeners are not registered
            }
        }
    }

    private void refreshLater(DelegateTask task) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            refresh(task);
            return;
        }
        pending.computeIfAbsent(context, c -> {
                    Refreshes refreshes = new Refreshes();
                    c.registerCommandContextListener(refreshes);
                    return refreshes;
                })
                .tasks
                .put(task.getId(), task);
    }

    private void refresh(DelegateTask task) {
        InboxRow row = rowOf(task);
        // one statement when the row is there (the usual case); the case's facts only for a missing one
        if (!rows.refresh(row)) {
            rows.upsert(row, factsOf(task));
        }
    }

    private void end(DelegateTask task, String status) {
        CommandContext context = Context.getCommandContext();
        Refreshes refreshes = context == null ? null : pending.get(context);
        if (refreshes != null && refreshes.tasks.remove(task.getId()) != null) {
            // changed in this command before it ended (the claim of a decision): the ended row keeps who took it
            rows.end(rowOf(task), status);
        } else {
            rows.end(task.getId(), status);
        }
        displays.forget(task.getId());
    }

    /** The tasks one command changed and did not end, refreshed before the engine flushes (same transaction). */
    private final class Refreshes implements CommandContextListener {

        private final Map<String, DelegateTask> tasks = new LinkedHashMap<>();

        @Override
        public void onCommandContextClose(CommandContext context) {
            pending.remove(context);
            tasks.values().forEach(InboxProjection.this::refresh);
        }

        @Override
        public void onCommandFailed(CommandContext context, Throwable failure) {
            pending.remove(context); // rolled back with the engine's writes: nothing to refresh
        }
    }

    /** A process instance was suspended or activated: its open tasks follow. */
    void suspended(String processInstanceId, boolean suspended) {
        rows.suspend(processInstanceId, suspended);
    }

    /** For the rebuild: a task that exists in the engine without a row. */
    void project(Task task, ProcessEngineServices engine) {
        List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(task.getId());
        Object caseId = task.getProcessInstanceId() == null
                ? null
                : engine.getRuntimeService().getVariable(task.getProcessInstanceId(), TaskCases.CASE_ID);
        String processKey = processKey(task.getProcessDefinitionId(), engine);
        rows.upsert(
                new InboxRow(
                        task.getId(),
                        task.getProcessInstanceId(),
                        processKey,
                        task.getTaskDefinitionKey() == null ? "standalone" : task.getTaskDefinitionKey(),
                        task.getName(),
                        ids(links, true),
                        ids(links, false),
                        task.getAssignee(),
                        time(task.getCreateTime()),
                        time(task.getDueDate()),
                        time(task.getFollowUpDate()),
                        task.getPriority(),
                        task.isSuspended()),
                caseId instanceof Number
                        ? factsOf(caseId)
                        : subjectOnly(processKey, businessKey(task.getProcessInstanceId(), engine)));
    }

    private static String businessKey(String processInstanceId, ProcessEngineServices engine) {
        if (processInstanceId == null) {
            return null;
        }
        var instance = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    /** A case's facts; for a task without a case, the subject a module gives it (TaskSubjects). */
    private CaseFacts factsOf(DelegateTask task) {
        Object caseId = task.getVariable(TaskCases.CASE_ID);
        if (caseId instanceof Number) {
            return factsOf(caseId);
        }
        String processKey = processKey(task.getProcessDefinitionId(), task.getProcessEngineServices());
        return subjectOnly(
                processKey,
                task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey());
    }

    private CaseFacts subjectOnly(String processKey, String businessKey) {
        if (processKey == null || businessKey == null) {
            return CaseFacts.NONE;
        }
        for (TaskSubjects module : subjects.orderedStream().toList()) {
            Optional<String> subject = module.subject(processKey, businessKey);
            if (subject.isPresent()) {
                String text = subject.get();
                return new CaseFacts(null, null, null, null, text.length() > 200 ? text.substring(0, 200) : text, null);
            }
        }
        return CaseFacts.NONE;
    }

    /** A definition's key never changes: read once per definition, not at each task event (issue 18). */
    private String processKey(String definitionId, ProcessEngineServices engine) {
        if (definitionId == null) {
            return null;
        }
        return processKeys.computeIfAbsent(
                definitionId,
                id -> engine.getRepositoryService().getProcessDefinition(id).getKey());
    }

    private InboxRow rowOf(DelegateTask task) {
        String processKey = processKey(task.getProcessDefinitionId(), task.getProcessEngineServices());
        List<IdentityLink> links = task.getCandidates().stream()
                .filter(link -> !pendingDeletion(link))
                .toList();
        return new InboxRow(
                task.getId(),
                task.getProcessInstanceId(),
                processKey,
                task.getTaskDefinitionKey(),
                task.getName(),
                ids(links, true),
                ids(links, false),
                task.getAssignee(),
                time(task.getCreateTime()),
                time(task.getDueDate()),
                time(task.getFollowUpDate()),
                task.getPriority(),
                task instanceof TaskEntity entity && entity.isSuspended());
    }

    /**
     * A candidate removed in this command is still read back from the database until the flush
     * (the update event fires in between): the engine's entity cache knows it is going.
     */
    private static boolean pendingDeletion(IdentityLink link) {
        CommandContext context = Context.getCommandContext();
        return context != null
                && link instanceof DbEntity entity
                && context.getDbEntityManager().isDeleted(entity);
    }

    private CaseFacts factsOf(Object caseIdVariable) {
        if (!(caseIdVariable instanceof Number number)) {
            return CaseFacts.NONE;
        }
        return cases.facts(number.longValue()).orElse(CaseFacts.NONE);
    }

    private static List<String> ids(Collection<IdentityLink> links, boolean groups) {
        List<String> ids = new ArrayList<>();
        for (IdentityLink link : links) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            String id = groups ? link.getGroupId() : link.getUserId();
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
