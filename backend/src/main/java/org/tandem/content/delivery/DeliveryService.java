package org.tandem.content.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.content.CaseRepository;
import org.tandem.content.CaseStatus;
import org.tandem.content.ContentCase;
import org.tandem.content.Disclosure;
import org.tandem.content.DisclosureRepository;
import org.tandem.members.MemberRepository;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.mail.MailTransport;

/**
 * Sends a disclosed content through its channel, exactly once. Called by the process's {@code deliver}
 * step, an asynchronous job: its retries and incidents are the engine's.
 *
 * <p>Each fact is committed on its own, right when it is known, not with the job: a failure (attempts, last
 * error) before the job fails; « sent » the moment the mail server has accepted the message (one UPDATE on a
 * connection taken before the message left, committed before the server's goodbye), then the case's status and
 * its audit entry. A retry or a run after a crash that finds it
 * sent sends nothing and completes what was left. The one window left is between the server's acceptance and
 * that one-statement commit: SMTP has no two-phase commit, so a crash there sends the message again on
 * restart — the same message, with the same Message-ID, which mail software files as one.
 */
@Service
public class DeliveryService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeliveryService.class);

    private final DeliveryRepository repository;
    private final DisclosureRepository disclosures;
    private final CaseRepository cases;
    private final MemberRepository members;
    private final DeliveryMessages messages;
    private final MailTransport transport;
    private final AuditTrail audit;
    private final PlatformTransactionManager transactions;
    private final TransactionTemplate own;
    private final MeterRegistry meters;

    DeliveryService(
            DeliveryRepository repository,
            DisclosureRepository disclosures,
            CaseRepository cases,
            MemberRepository members,
            DeliveryMessages messages,
            MailTransport transport,
            AuditTrail audit,
            PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.repository = repository;
        this.disclosures = disclosures;
        this.cases = cases;
        this.members = members;
        this.messages = messages;
        this.transport = transport;
        this.audit = audit;
        this.meters = meters;
        this.transactions = transactions;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Sends the case's disclosure of this kind if it is still « à envoyer »; does nothing once sent. */
    public void deliver(long caseId, String kind) {
        // read in the caller's transaction (the job's): under READ COMMITTED a statement sees every commit before it
        Optional<Delivery> found = repository.find(caseId, kind);
        if (found.isEmpty()) {
            return;
        }
        Delivery d = found.get();
        if (d.status() == Delivery.Status.SENT) {
            // sent before a crash or a failed commit of the job: finish what that run could not, send nothing
            own.executeWithoutResult(s -> recordSent(caseId, kind, d));
            return;
        }
        Disclosure disclosure = disclosures.find(caseId, kind).orElseThrow();
        ContentCase c = cases.findById(caseId).orElseThrow();
        AtomicBoolean accepted = new AtomicBoolean();
        try {
            MimeMessage message = messages.build(
                    transport,
                    d,
                    disclosure,
                    c,
                    Optional.ofNullable(c.memberId()).flatMap(members::findById));
            if (!sendAndMarkSent(message, d, accepted)) {
                log.info("Case {}: delivery {} was sent by another run, not sent again", caseId, d.messageId());
                own.executeWithoutResult(s -> recordSent(caseId, kind, d));
                return;
            }
        } catch (Exception e) {
            if (accepted.get()) {
                // out, but « sent » not recorded: the job fails, and its retry sends the same message again
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            String reason = "Envoi impossible par " + transport.describe() + " : " + e.getMessage();
            own.executeWithoutResult(s -> repository.recordFailure(d.id(), reason));
            counter(d, "failed").increment();
            log.warn(
                    "Case {}: delivery {} not accepted (attempt {}): {}",
                    caseId,
                    d.messageId(),
                    d.attempts() + 1,
                    reason);
            throw new DeliveryFailedException(reason, e);
        }
        counter(d, "sent").increment();
        own.executeWithoutResult(s -> recordSent(caseId, kind, d));
        log.info("Case {}: {} delivered through {} ({})", caseId, d.channel(), transport.describe(), d.messageId());
    }

    /**
     * Sends the message and commits « sent » the moment the server accepts it. « Sent » is written before the
     * message leaves, on a connection of its own, and committed in the transport's callback, before the server's
     * goodbye: the window in which a crash would make the next attempt send the same message again is the commit
     * alone. Meanwhile the delivery's row stays locked: another run of the same delivery waits, then finds it sent.
     *
     * @return false when another run had already sent it (nothing left)
     */
    private boolean sendAndMarkSent(MimeMessage message, Delivery d, AtomicBoolean accepted) throws MessagingException {
        TransactionStatus sent = transactions.getTransaction(own);
        try {
            if (!repository.markSent(d.id())) {
                return false;
            }
            transport.send(message, () -> {
                accepted.set(true);
                transactions.commit(sent);
            });
            return true;
        } finally {
            if (!sent.isCompleted()) {
                // refused, failed or already sent: « sent » is not kept
                transactions.rollback(sent);
            }
        }
    }

    /** The case's status and its audit entry for a sent delivery, once, whichever run gets there. */
    private void recordSent(long caseId, String kind, Delivery d) {
        if (cases.findById(caseId).map(ContentCase::status).orElse(null) == CaseStatus.DISCLOSED) {
            return;
        }
        cases.updateStatus(caseId, CaseStatus.DISCLOSED);
        var details = new LinkedHashMap<String, Object>();
        details.put("kind", kind);
        details.put("channel", d.channel());
        details.put("recipient", d.recipientKind().name());
        details.put("messageId", d.messageId());
        details.put("documentSha256", d.documentSha256());
        details.put("attempt", d.attempts() + 1);
        audit.append(caseId, "system", AuditType.DELIVERED, details);
    }

    private Counter counter(Delivery d, String outcome) {
        return Counter.builder("tandem.deliveries")
                .description("Letters and e-mails handed to the mail server, by channel and outcome")
                .tag("channel", d.channel())
                .tag("outcome", outcome)
                .register(meters);
    }
}
