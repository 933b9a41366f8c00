package org.tandem.knowledge;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.web.ApiException;
import org.tandem.work.TaskAccess;

/**
 * The periodic review of knowledge documents (proposal 37), run by the process
 * {@code knowledge-review}: every day, one review is opened for each stale document that has none
 * open; its owner (or the owner's group) confirms it (a new version, reviewed today), updates it (the
 * new content counts as today's review) or retires it (no longer retrieved nor reviewed). Each
 * decision is kept with its comment beside the document ({@code knowledge_review}).
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
    private final KnowledgeIngestion ingestion;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final TaskAccess taskAccess;
    private final TransactionTemplate transaction;

    KnowledgeReviews(
            KnowledgeRepository repository,
            KnowledgeIngestion ingestion,
            RuntimeService runtimeService,
            TaskService taskService,
            TaskAccess taskAccess,
            TransactionTemplate transaction) {
        this.repository = repository;
        this.ingestion = ingestion;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.taskAccess = taskAccess;
        this.transaction = transaction;
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

    /** The owner retired the document: it is no longer retrieved nor reviewed. */
    public void retire(long documentId, String retiredBy) {
        if (repository.retire(documentId, retiredBy == null ? "inconnu" : retiredBy) == 0) {
            log.warn("Knowledge document {} retired by its review was already retired or is gone", documentId);
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
        List<ReviewTask> result = new ArrayList<>();
        for (Task t : tasks) {
            reviewOf(t).ifPresent(result::add);
        }
        return result;
    }

    /** One review the person may see, for its screen. */
    public ReviewTask one(String taskId, CurrentUser user) {
        Task task = reviewTask(taskAccess.requireVisible(taskId, user));
        return reviewOf(task).orElseThrow(() -> ApiException.notFound("Le document de cette relecture n'existe plus."));
    }

    private Optional<ReviewTask> reviewOf(Task t) {
        Object reference = taskService.getVariable(t.getId(), "reference");
        return repository
                .findByReference(reference instanceof String r ? r : "")
                .map(d -> new ReviewTask(
                        t.getId(),
                        d.reference(),
                        d.title(),
                        d.collection(),
                        d.lastReviewed(),
                        d.reviewDue(),
                        d.owner(),
                        t.getAssignee(),
                        t.getCreateTime().toInstant().atOffset(ZoneOffset.UTC)));
    }

    private static Task reviewTask(Task task) {
        // a process definition's id is "key:version:id"
        if (!TASK.equals(task.getTaskDefinitionKey())
                || !task.getProcessDefinitionId().startsWith(PROCESS_KEY + ":")) {
            throw ApiException.badRequest("Cette tâche n'est pas une relecture de document.");
        }
        return task;
    }

    /**
     * Completes a review task with the owner's decision. An update's passages are cut and embedded
     * first; then the new version, the task's completion (claimed by the person first, so the engine's
     * history records who answered, and whose delegates confirm or retire the document) and the
     * review's record commit together.
     */
    public void complete(String taskId, ReviewDecision decision, CurrentUser user) {
        Task task = reviewTask(taskAccess.requireWorkable(taskId, user));
        Object id = taskService.getVariable(taskId, "documentId");
        KnowledgeDocument document = repository
                .findById(id instanceof Number n ? n.longValue() : -1)
                .orElseThrow(() -> ApiException.notFound("Le document de cette relecture n'existe plus."));
        String comment = decision.comment() == null ? "" : decision.comment().strip();
        KnowledgeIngestion.Prepared update = null;
        switch (decision.decision()) {
            case RETIRE -> {
                if (comment.isEmpty()) {
                    throw ApiException.invalidField("comment", "Indiquez pourquoi le document est retiré.");
                }
            }
            case UPDATE -> {
                String body = decision.body() == null ? "" : decision.body().strip();
                if (body.isEmpty()) {
                    throw ApiException.invalidField("body", "Le contenu mis à jour du document est obligatoire.");
                }
                String title = decision.title() == null || decision.title().isBlank()
                        ? document.title()
                        : decision.title().strip();
                update = ingestion.prepare(new DocumentInput(
                        document.reference(),
                        document.collection(),
                        title,
                        body,
                        document.owner(),
                        document.ownerGroup(),
                        null,
                        document.reviewIntervalDays()));
            }
            case CONFIRM -> {}
        }
        KnowledgeIngestion.Prepared prepared = update;
        transaction.executeWithoutResult(status -> {
            if (prepared != null) {
                ingestion.store(prepared, user.username());
            }
            if (task.getAssignee() == null) {
                taskService.claim(taskId, user.username());
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put("decision", decision.decision().variable());
            // instances started before the decision existed route on this flag
            variables.put("reviewed", decision.decision() == ReviewDecision.Decision.CONFIRM);
            taskService.complete(taskId, variables);
            repository.insertReview(
                    document.id(), taskId, decision.decision(), comment.isEmpty() ? null : comment, user.username());
        });
    }
}
