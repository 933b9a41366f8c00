package org.tandem.content.delivery;

import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tandem.platform.mail.MailTransport;

/**
 * Brings the letters and e-mails that wait « à envoyer » out as soon as the mail server answers again.
 * When the engine's retries of a {@code deliver} job are spent, the job has an incident in Cockpit (an
 * operator may also press « Retry » there); every {@code tandem.delivery.recovery-interval}, each node
 * probes the transport and, if it answers, gives each such job one more retry: the incident is resolved
 * and the job executor sends the message — once, since a delivery marked sent is never sent again.
 */
@Component
public class DeliveryRecovery {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeliveryRecovery.class);

    /** The delivery step of content.bpmn. */
    public static final String DELIVER_ACTIVITY = "deliver";

    private final ManagementService management;
    private final MailTransport transport;
    private final DeliveryRepository repository;
    private final DeliveryService deliveries;
    private final org.springframework.transaction.support.TransactionTemplate transaction;
    private volatile Probe lastProbe;

    /** The last time the transport was probed, and what it answered. */
    public record Probe(OffsetDateTime at, boolean reachable, String problem) {}

    DeliveryRecovery(
            ManagementService management,
            MailTransport transport,
            DeliveryRepository repository,
            DeliveryService deliveries,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.management = management;
        this.transport = transport;
        this.repository = repository;
        this.deliveries = deliveries;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
    }

    @Scheduled(
            fixedDelayString = "${tandem.delivery.recovery-interval:1m}",
            initialDelayString = "${tandem.delivery.recovery-interval:1m}")
    public void recover() {
        List<Job> stuck = stuckJobs();
        if (!probe()) {
            return;
        }
        int rearmed = 0;
        for (Job job : stuck) {
            try {
                management.setJobRetries(job.getId(), 1);
                rearmed++;
            } catch (OptimisticLockingException e) {
                // another node re-armed it at the same moment
            } catch (ProcessEngineException e) {
                log.debug("Delivery job {} could not be re-armed: {}", job.getId(), e.getMessage());
            }
        }
        if (rearmed > 0) {
            log.info("{} answers again: {} delivery job(s) re-armed", transport.describe(), rearmed);
        }
        try {
            sendOrphans();
        } catch (RuntimeException e) {
            log.warn("Deliveries without a job could not be looked at: {}", e.getMessage());
        }
    }

    /**
     * Sends the deliveries still « à envoyer » a minute after they were opened that no {@code deliver} job
     * will send: instances that started on a process version without that step (before an upgrade), or whose
     * job was removed in Cockpit. One node at a time for each (an advisory lock), the same exactly-once
     * sending as the job's, a failure left for the next run.
     */
    void sendOrphans() {
        for (DeliveryRepository.Waiting waiting : repository.waitingSince(java.time.Duration.ofMinutes(1))) {
            boolean hasJob = waiting.processInstanceId() != null
                    && management
                                    .createJobQuery()
                                    .processInstanceId(waiting.processInstanceId())
                                    .activityId(DELIVER_ACTIVITY)
                                    .count()
                            > 0;
            if (hasJob) {
                continue;
            }
            Delivery orphan = waiting.delivery();
            try {
                transaction.executeWithoutResult(s -> {
                    if (repository.trySendingLock(orphan.id())) {
                        deliveries.deliver(orphan.caseId(), orphan.kind());
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Case {}: delivery without a job not sent yet: {}", orphan.caseId(), e.getMessage());
            }
        }
    }

    /** The deliver jobs whose retries are spent (each has an open incident). */
    public List<Job> stuckJobs() {
        return management
                .createJobQuery()
                .activityId(DELIVER_ACTIVITY)
                .noRetriesLeft()
                .list();
    }

    public boolean probe() {
        try {
            transport.probe();
            lastProbe = new Probe(OffsetDateTime.now(), true, null);
            return true;
        } catch (Exception e) {
            lastProbe = new Probe(OffsetDateTime.now(), false, e.getMessage());
            return false;
        }
    }

    public Probe lastProbe() {
        return lastProbe;
    }

    public String transport() {
        return transport.describe();
    }
}
