package org.tandem.content.drafting;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.tandem.content.AiStep;
import org.tandem.content.CaseVariables;
import org.tandem.content.DraftingService;
import org.tandem.platform.ai.AiFailure;
import org.tandem.platform.ai.AiFailures;
import org.tandem.platform.ops.LoggingContext;

/**
 * Serves the AI steps (the external task topics of the registered {@link AiStep}s, {@value #TOPIC}
 * among them) inside the application: fetches and locks tasks, runs them on its own bounded pool,
 * then completes. After the last retry, the case goes to people (BPMN error {@value #AI_FAILED} →
 * "rédiger à la main").
 */
@Component
public class DraftWorker implements SmartLifecycle {

    public static final String TOPIC = "draft-text";
    public static final String AI_FAILED = "AI_DRAFT_FAILED";
    private static final Logger log = LoggerFactory.getLogger(DraftWorker.class);

    private final ExternalTaskService externalTasks;
    private final Map<String, AiStep> steps;
    private final WorkerProperties properties;
    private final String workerId;
    private final Semaphore slots;
    private ScheduledExecutorService poller;
    private ExecutorService pool;
    private volatile boolean running;

    DraftWorker(ExternalTaskService externalTasks, List<AiStep> steps, WorkerProperties properties) {
        this.externalTasks = externalTasks;
        this.steps = steps.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(AiStep::topic, s -> s));
        this.properties = properties;
        this.workerId =
                nodeName(properties.name()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.slots = new Semaphore(properties.maxConcurrency());
    }

    /** Fetches what is due and handles it in the calling thread; tests drive the AI step with it. */
    public int runOnce() {
        List<LockedExternalTask> tasks = fetch(properties.maxConcurrency());
        tasks.forEach(this::handle);
        return tasks.size();
    }

    private List<LockedExternalTask> fetch(int max) {
        var fetch = externalTasks.fetchAndLock(max, workerId);
        for (String topic : topics()) {
            fetch = fetch.topic(topic, properties.lockDuration().toMillis()).variables(CaseVariables.CASE_ID);
        }
        return fetch.execute();
    }

    /** The topics this worker serves, one per registered AI step. */
    public java.util.Set<String> topics() {
        return new java.util.TreeSet<>(steps.keySet());
    }

    void handle(LockedExternalTask task) {
        long caseId = ((Number) task.getVariables().get(CaseVariables.CASE_ID)).longValue();
        int retriesLeft = task.getRetries() == null ? properties.retries() : task.getRetries();
        int attempt = properties.retries() - retriesLeft;
        // the logs of the step name its case's process instance (DraftingLoggingContext reads it no more)
        String previousInstance = MDC.get(LoggingContext.PROCESS_INSTANCE_ID);
        MDC.put(LoggingContext.PROCESS_INSTANCE_ID, task.getProcessInstanceId());
        try {
            // same retries and hand-over for every AI step; only the work differs
            // the draft is the case's latest row (by case and external task): the process needs no variable for it
            steps.get(task.getTopicName()).run(caseId, task.getId(), attempt);
            externalTasks.complete(task.getId(), workerId);
        } catch (RuntimeException e) {
            fail(task, caseId, retriesLeft, e);
        } finally {
            if (previousInstance == null) {
                MDC.remove(LoggingContext.PROCESS_INSTANCE_ID);
            } else {
                MDC.put(LoggingContext.PROCESS_INSTANCE_ID, previousInstance);
            }
        }
    }

    private void fail(LockedExternalTask task, long caseId, int retriesLeft, RuntimeException e) {
        AiFailure failure = AiFailures.classify(e);
        String reason = "Échec de l'IA : "
                + (e instanceof DraftingService.DraftingException ? e.getMessage() : failure.reasonFr());
        try {
            if (e instanceof DraftingService.AiBusyException) {
                // not a failure of the AI: the task comes back shortly with its retries intact
                externalTasks.handleFailure(
                        task.getId(),
                        workerId,
                        reason,
                        null,
                        retriesLeft,
                        properties.pollInterval().toMillis() * 2);
                return;
            }
            if (retriesLeft <= 1 || !failure.retryable() || e instanceof DraftingService.AiStoppedException) {
                // a wrong key or an invalid request fails the same way again: people take over now
                log.warn("AI draft failed for case {}; handing over to people: {}", caseId, reason);
                externalTasks.handleBpmnError(
                        task.getId(), workerId, AI_FAILED, reason, Map.of(CaseVariables.AI_FAILURE_REASON, reason));
            } else {
                long delay = Math.max(
                        properties.retryBackoff().toMillis(),
                        failure.retryAfter() == null ? 0 : failure.retryAfter().toMillis());
                log.info(
                        "AI draft failed for case {} ({} retries left, next in {} ms): {}",
                        caseId,
                        retriesLeft - 1,
                        delay,
                        reason);
                externalTasks.handleFailure(task.getId(), workerId, reason, stackTrace(e), retriesLeft - 1, delay);
            }
        } catch (RuntimeException reporting) {
            // the lock expires and the task is fetched again: nothing is lost
            log.error("Could not report the AI failure of case {}", caseId, reporting);
        }
    }

    private static String stackTrace(Throwable e) {
        var out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    private void poll() {
        if (!running) {
            return;
        }
        try {
            int free = slots.availablePermits();
            if (free == 0) {
                return;
            }
            for (LockedExternalTask task : fetch(free)) {
                slots.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        handle(task);
                    } finally {
                        slots.release();
                        pollSoon();
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("Polling the AI step failed; next poll will retry", e);
        }
    }

    /** A freed slot fetches the next task at once rather than at the next tick (P3: no idle gap per wave). */
    private void pollSoon() {
        ScheduledExecutorService p = poller;
        if (running && p != null) {
            try {
                p.execute(this::poll);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // shutting down
            }
        }
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        pool = Executors.newFixedThreadPool(properties.maxConcurrency(), r -> new Thread(r, "ai-draft-worker"));
        poller = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ai-draft-poller"));
        running = true;
        long every = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
            pool.shutdown();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
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

    /** The configured name, else $HOSTNAME (a pod's name in Kubernetes; no DNS lookup), else "tandem". */
    private static String nodeName(String configured) {
        String host = System.getenv("HOSTNAME");
        return StringUtils.hasText(configured) ? configured : StringUtils.hasText(host) ? host : "tandem";
    }

    /** The id this node's worker locks and completes external tasks with. */
    public String workerId() {
        return workerId;
    }
}
