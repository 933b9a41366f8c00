package org.tandem.content.drafting;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.task.TaskCountByCandidateGroupResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges of the work waiting in the engine and of Camunda's own metrics, refreshed on a schedule
 * ({@code tandem.metrics.refresh}, 15 s) rather than on every scrape, so that a scrape costs no
 * query. All figures are cluster-wide (they come from the shared database): every node reports the
 * same value, so aggregate them with max(), not sum().
 *
 * <ul>
 *   <li>{@code tandem.tasks.open{group}}: open user tasks per candidate group (Camunda's task report)</li>
 *   <li>{@code tandem.external.tasks.backlog{topic}}: external tasks not locked by any worker, with retries left</li>
 *   <li>{@code tandem.drafts{outcome}}: decisions taken on drafts (accepted, edited, regenerated, rejected) and
 *       hand-drafted cases</li>
 *   <li>{@code camunda.metrics{name}}: Camunda's own metrics (activity instances, jobs, decisions…) as its
 *       database reporter flushed them</li>
 *   <li>{@code camunda.incidents.open}, {@code camunda.jobs.failed}: what needs an operator</li>
 * </ul>
 */
@Component
public class WorkloadMeters {

    private static final Logger log = LoggerFactory.getLogger(WorkloadMeters.class);
    static final List<String> CAMUNDA_METRICS = List.of(
            Metrics.ROOT_PROCESS_INSTANCE_START,
            Metrics.ACTIVTY_INSTANCE_START,
            Metrics.ACTIVTY_INSTANCE_END,
            Metrics.EXECUTED_DECISION_ELEMENTS,
            Metrics.EXECUTED_DECISION_INSTANCES,
            Metrics.JOB_SUCCESSFUL,
            Metrics.JOB_FAILED,
            Metrics.JOB_ACQUISITION_ATTEMPT,
            Metrics.JOB_ACQUIRED_SUCCESS,
            Metrics.JOB_ACQUIRED_FAILURE,
            Metrics.JOB_EXECUTION_REJECTED,
            Metrics.JOB_LOCKED_EXCLUSIVE);
    private static final Map<String, String> DECISION_OUTCOMES =
            Map.of("ACCEPT", "accepted", "EDIT", "edited", "REGENERATE", "regenerated", "REJECT", "rejected");

    private final MeterRegistry registry;
    private final TaskService tasks;
    private final ExternalTaskService externalTasks;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final JdbcClient jdbc;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    WorkloadMeters(
            MeterRegistry registry,
            TaskService tasks,
            ExternalTaskService externalTasks,
            ManagementService management,
            RuntimeService runtime,
            JdbcClient jdbc) {
        this.registry = registry;
        this.tasks = tasks;
        this.externalTasks = externalTasks;
        this.management = management;
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        refresh();
    }

    @Scheduled(fixedDelayString = "${tandem.metrics.refresh:15s}", initialDelayString = "${tandem.metrics.refresh:15s}")
    public void refresh() {
        try {
            refreshTasks();
            refreshBacklog();
            refreshDrafts();
            refreshCamunda();
        } catch (RuntimeException e) {
            log.warn("Could not refresh the workload metrics: {}", e.toString());
        }
    }

    private void refreshTasks() {
        Map<String, Long> counts = new HashMap<>();
        for (TaskCountByCandidateGroupResult row : tasks.createTaskReport().taskCountByCandidateGroup()) {
            counts.merge(
                    row.getGroupName() == null ? "none" : row.getGroupName(), (long) row.getTaskCount(), Long::sum);
        }
        update("tandem.tasks.open", "group", counts, "Open user tasks per candidate group");
    }

    private void refreshBacklog() {
        Map<String, Long> counts = new HashMap<>();
        // the known topics always show (0 when idle), plus any other topic that has tasks
        java.util.Set<String> topics = new java.util.TreeSet<>(externalTasks.getTopicNames());
        topics.add(DraftWorker.TOPIC);
        for (String topic : topics) {
            counts.put(
                    topic,
                    externalTasks
                            .createExternalTaskQuery()
                            .topicName(topic)
                            .notLocked()
                            .withRetriesLeft()
                            .active()
                            .count());
        }
        update(
                "tandem.external.tasks.backlog",
                "topic",
                counts,
                "External tasks waiting for a worker (not locked, retries left)");
    }

    private void refreshDrafts() {
        Map<String, Long> counts = new HashMap<>();
        DECISION_OUTCOMES.values().forEach(o -> counts.put(o, 0L));
        jdbc.sql("select decision, count(*) as n from review_decision group by decision")
                .query((rs, i) -> Map.entry(rs.getString("decision"), rs.getLong("n")))
                .list()
                .forEach(e -> {
                    String outcome = DECISION_OUTCOMES.get(e.getKey());
                    if (outcome != null) {
                        counts.merge(outcome, e.getValue(), Long::sum);
                    }
                });
        counts.put(
                "hand-drafted",
                jdbc.sql("select count(*) from case_metrics where hand_drafted")
                        .query(Long.class)
                        .single());
        update("tandem.drafts", "outcome", counts, "Drafts by what people did with them");
    }

    private void refreshCamunda() {
        Map<String, Long> counts = new HashMap<>();
        for (String name : CAMUNDA_METRICS) {
            counts.put(name, management.createMetricsQuery().name(name).sum());
        }
        update("camunda.metrics", "name", counts, "Camunda engine metrics (cluster-wide, as reported to the database)");
        set(
                "camunda.incidents.open",
                Tags.empty(),
                runtime.createIncidentQuery().count(),
                "Open incidents");
        set(
                "camunda.jobs.failed",
                Tags.empty(),
                management.createJobQuery().noRetriesLeft().count(),
                "Jobs without retries left");
    }

    /** Sets the gauges of one name; a tag value that disappeared drops to zero. */
    private void update(String name, String tag, Map<String, Long> counts, String description) {
        values.forEach((key, value) -> {
            if (key.startsWith(name + "|" + tag + "=")
                    && !counts.containsKey(key.substring((name + "|" + tag + "=").length()))) {
                value.set(0);
            }
        });
        counts.forEach((tagValue, count) -> set(name, Tags.of(tag, tagValue), count, description));
    }

    private void set(String name, Tags tags, long value, String description) {
        String key = name + "|"
                + tags.stream()
                        .map(t -> t.getKey() + "=" + t.getValue())
                        .reduce((a, b) -> a + "," + b)
                        .orElse("");
        values.computeIfAbsent(key, k -> {
                    AtomicLong holder = new AtomicLong();
                    Gauge.builder(name, holder, AtomicLong::get)
                            .tags(tags)
                            .description(description)
                            .register(registry);
                    return holder;
                })
                .set(value);
    }
}
