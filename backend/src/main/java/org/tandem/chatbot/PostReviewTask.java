package org.tandem.chatbot;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.tandem.content.DecisionLog;
import org.tandem.platform.security.CurrentUser;
import org.tandem.work.DraftDisplays;
import org.tandem.work.TaskAccess;
import org.tandem.work.TaskDecision;
import org.tandem.work.TaskHandler;

/** An expert's review, after the fact, of a chatbot answer drawn by lot: correct, or to correct (with why). */
@Component
class PostReviewTask implements TaskHandler {

    static final String TASK_KEY = "postReview";

    private final TaskService taskService;
    private final TaskAccess access;
    private final DraftDisplays displays;
    private final DecisionLog decisionLog;

    PostReviewTask(TaskService taskService, TaskAccess access, DraftDisplays displays, DecisionLog decisionLog) {
        this.taskService = taskService;
        this.access = access;
        this.displays = displays;
        this.decisionLog = decisionLog;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(TASK_KEY);
    }

    @Override
    public void complete(Task task, TaskDecision d, CurrentUser user) {
        long caseId = access.caseId(task).orElseThrow();
        String reason = null;
        switch (d.decision()) {
            // « correct » approves what the member read: only once the whole answer and its sources were displayed
            case ACCEPT -> displays.require(task, user);
            case REJECT ->
                reason = TaskDecision.require("reason", d.reason(), "Dites ce qui ne va pas dans cette réponse.");
            default -> throw d.notPossibleOn(task);
        }
        access.claim(task, user);
        decisionLog.recordDisplayed(task, caseId, d, user, null, reason);
        taskService.complete(
                task.getId(), Map.of("postReviewDecision", d.decision().name()));
    }
}
