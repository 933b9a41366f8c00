package org.tandem.work.inbox;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the rows of open tasks that exist in the engine without one (tasks created before the
 * read model, or by a node without it) and closes rows whose task is gone. Runs at start-up and on
 * an administrator's request; the listeners keep everything else in step.
 */
@Component
public class InboxRebuild {

    private static final Logger log = LoggerFactory.getLogger(InboxRebuild.class);
    private static final int BATCH = 500;

    private final InboxRepository rows;
    private final InboxProjection projection;
    private final ProcessEngine engine;
    private final TransactionTemplate transaction;

    InboxRebuild(
            InboxRepository rows, InboxProjection projection, ProcessEngine engine, TransactionTemplate transaction) {
        this.rows = rows;
        this.projection = projection;
        this.engine = engine;
        this.transaction = transaction;
    }

    /** @param resynced open rows whose suspension was corrected from the engine */
    public record Result(int added, int closed, int resynced) {}

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        Result result = rebuild();
        if (result.added() + result.closed() + result.resynced() > 0) {
            log.info(
                    "Task list read model rebuilt: {} rows added, {} closed, {} suspension flags corrected",
                    result.added(),
                    result.closed(),
                    result.resynced());
        }
    }

    public Result rebuild() {
        int added = 0;
        while (true) {
            List<String> missing = rows.openTasksMissing(BATCH);
            if (missing.isEmpty()) {
                break;
            }
            Integer done = transaction.execute(status -> {
                int n = 0;
                for (String id : missing) {
                    Task task =
                            engine.getTaskService().createTaskQuery().taskId(id).singleResult();
                    if (task != null) {
                        projection.project(task, engine);
                        n++;
                    }
                }
                return n;
            });
            added += done == null ? 0 : done;
            if (done == null || done == 0) {
                break;
            }
        }
        Integer closed = transaction.execute(status -> rows.closeVanished());
        Integer resynced = transaction.execute(status -> rows.syncSuspension());
        return new Result(added, closed == null ? 0 : closed, resynced == null ? 0 : resynced);
    }
}
