package org.tandem.knowledge;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;
import org.tandem.work.TaskAccess;

/**
 * The periodic review of knowledge documents (proposal 37), run by the process
 * {@code knowledge-review}: every day, one review is opened for each stale document that has none
 * open; its owner (or the owner's group) says whether the document is still right. A document found
 * up to date gets a new version, reviewed today; one that is not stays flagged stale until it is
 * updated, and a new review is opened the next day.
 */
@Service
public class KnowledgeReviews {

    public static final String PROCESS_KEY = "knowledge-review";
    public static final String MESSAGE = "knowledge-review-requested";
    public static final String TASK = "reviewDocument";
    /** Each review's business key: the prefix and the document's reference. */
    static final String BUSINESS_KEY_PREFIX = "knowledge:";

    public record ReviewTask(
            String taskId,
            String reference,
            String title,
            String collection,
            LocalDate lastReviewed,
            LocalDate reviewDue,
            String owner,
            String assignee,
            OffsetDateTime createdAt) {}

    private static final Logger log = LoggerFactory.getLogger(KnowledgeReviews.class);

    private final KnowledgeRepository repository;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final TaskAccess taskAccess;

    KnowledgeReviews(
            KnowledgeRepository repository,
            RuntimeService runtimeService,
            TaskService taskService,
            TaskAccess taskAccess) {
        this.repository = repository;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.taskAccess = taskAccess;
    }

    /** Opens a review for every stale document without an open one; returns their references. */
    public List<String> openDueReviews() {
        Set<String> open = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKeyLike(BUSINESS_KEY_PREFIX + "%")
                .list()
                .stream()
                .map(ProcessInstance::getBusinessKey)
                .collect(Collectors.toSet());
        List<String> opened = new ArrayList<>();
        for (KnowledgeDocument d : repository.stale(LocalDate.now())) {
            if (open.contains(BUSINESS_KEY_PREFIX + d.reference())) {
                continue;
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put("documentId", d.id());
            variables.put("reference", d.reference());
            variables.put("title", d.title());
            variables.put("owner", d.owner());
            variables.put("ownerGroup", d.ownerGroup());
            variables.put("lastReviewed", d.lastReviewed().toString());
            runtimeService.startProcessInstanceByMessage(MESSAGE, BUSINESS_KEY_PREFIX + d.reference(), variables);
            opened.add(d.reference());
        }
        if (!opened.isEmpty()) {
            log.info("Knowledge reviews opened for {} stale documents: {}", opened.size(), opened);
        }
        return opened;
    }

    /** The owner found the document up to date: a new version, reviewed today by them. */
    public void recordReview(long documentId, String reviewedBy) {
        if (repository.markReviewed(documentId, reviewedBy == null ? "inconnu" : reviewedBy, LocalDate.now()) == 0) {
            log.warn("Knowledge review recorded for document {}, which no longer exists", documentId);
        }
    }

    /** The open reviews the person may work: assigned to them, or offered to them or their groups. */
    public List<ReviewTask> openFor(CurrentUser user) {
        TaskQuery query = taskService
                .createTaskQuery()
                .processDefinitionKey(PROCESS_KEY)
                .active()
                .or()
                .taskAssignee(user.username())
                .taskCandidateUser(user.username());
        if (!user.groups().isEmpty()) {
            query = query.taskCandidateGroupIn(user.groups());
        }
        List<Task> tasks = query.endOr().orderByTaskCreateTime().asc().listPage(0, 200);
        Map<String, String> references = new HashMap<>();
        for (Task t : tasks) {
            references.put(t.getId(), (String) taskService.getVariable(t.getId(), "reference"));
        }
        List<ReviewTask> result = new ArrayList<>();
        for (Task t : tasks) {
            repository
                    .findByReference(references.get(t.getId()))
                    .ifPresent(d -> result.add(new ReviewTask(
                            t.getId(),
                            d.reference(),
                            d.title(),
                            d.collection(),
                            d.lastReviewed(),
                            d.reviewDue(),
                            d.owner(),
                            t.getAssignee(),
                            t.getCreateTime().toInstant().atOffset(ZoneOffset.UTC))));
        }
        return result;
    }

    /** Completes a review task: claimed by the person first, so the engine's history records who answered. */
    @Transactional
    public void complete(String taskId, ReviewDecision decision, CurrentUser user) {
        Task task = taskAccess.requireWorkable(taskId, user);
        // a process definition's id is "key:version:id"
        if (!TASK.equals(task.getTaskDefinitionKey())
                || !task.getProcessDefinitionId().startsWith(PROCESS_KEY + ":")) {
            throw ApiException.badRequest("Cette tâche n'est pas une relecture de document.");
        }
        String comment = decision.comment() == null ? "" : decision.comment().strip();
        if (!decision.reviewed() && comment.isEmpty()) {
            throw ApiException.invalidField("comment", "Indiquez ce qui doit être mis à jour dans le document.");
        }
        if (task.getAssignee() == null) {
            taskService.claim(taskId, user.username());
        }
        taskService.complete(taskId, Map.of("reviewed", decision.reviewed(), "comment", comment));
    }
}
