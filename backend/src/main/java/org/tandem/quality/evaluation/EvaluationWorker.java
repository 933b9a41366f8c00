package org.tandem.quality.evaluation;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the evaluations in the background, one at a time per node, outside any engine transaction: it
 * fetches the external task of {@code prompt-evaluation.bpmn} ({@value PromptEvaluations#TOPIC}), drafts
 * the reference cases one by one, extending its lock after each (a run takes many model calls), and
 * completes the task; the AI referent's task comes next. A node that dies leaves the run to another once
 * the lock expires, which resumes at the first case not yet drafted. Off with {@code tandem.worker.enabled=false}.
 */
@Component
public class EvaluationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EvaluationWorker.class);

    private final ExternalTaskService externalTasks;
    private final PromptEvaluations evaluations;
    private final boolean enabled;
    private final Duration pollInterval;
    private final Duration lockDuration;
    private final int retries;
    private final String workerId = "quality-" + UUID.randomUUID().toString().substring(0, 8);
    private ScheduledExecutorService poller;
    private volatile boolean running;

    EvaluationWorker(
            ExternalTaskService externalTasks,
            PromptEvaluations evaluations,
            @Value("${tandem.worker.enabled:true}") boolean enabled,
            @Value("${tandem.worker.poll-interval:500ms}") Duration pollInterval,
            @Value("${tandem.worker.lock-duration:120s}") Duration lockDuration,
            @Value("${tandem.worker.retries:3}") int retries) {
        this.externalTasks = externalTasks;
        this.evaluations = evaluations;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
        this.lockDuration = lockDuration;
        this.retries = retries;
    }

    /** Fetches the evaluations due and runs them in the calling thread; tests drive the evaluations with it. */
    public int runOnce() {
        List<LockedExternalTask> tasks = externalTasks
                .fetchAndLock(1, workerId)
                .topic(PromptEvaluations.TOPIC, lockDuration.toMillis())
                .variables(PromptEvaluations.EVALUATION_ID)
                .execute();
        tasks.forEach(this::handle);
        return tasks.size();
    }

    private void handle(LockedExternalTask task) {
        long evaluationId = ((Number) task.getVariables().get(PromptEvaluations.EVALUATION_ID)).longValue();
        int retriesLeft = task.getRetries() == null ? retries : task.getRetries();
        try {
            evaluations.run(
                    evaluationId, () -> externalTasks.extendLock(task.getId(), workerId, lockDuration.toMillis()));
            externalTasks.complete(task.getId(), workerId);
            log.info("Evaluation {} drafted: waiting for an AI referent's decision", evaluationId);
        } catch (RuntimeException e) {
            // a failed model call is a failed case of the run, not this: the database or the engine failed
            log.error("Evaluation {} stopped ({} retries left)", evaluationId, retriesLeft - 1, e);
            try {
                externalTasks.handleFailure(
                        task.getId(),
                        workerId,
                        "L'évaluation s'est interrompue : " + e.getClass().getSimpleName(),
                        stackTrace(e),
                        Math.max(0, retriesLeft - 1),
                        pollInterval.toMillis() * 10);
            } catch (RuntimeException reporting) {
                log.error("Could not report the failure of evaluation {}", evaluationId, reporting);
            }
        }
    }

    private void poll() {
        if (!running) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Polling the evaluations failed; next poll will retry", e);
        }
    }

    private static String stackTrace(Throwable e) {
        var out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "quality-evaluation-worker"));
        running = true;
        long every = Math.max(100, pollInterval.toMillis() * 2);
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after the engine is up, stopped before it goes down
        return Integer.MAX_VALUE - 100;
    }
}
