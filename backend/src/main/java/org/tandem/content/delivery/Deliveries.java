package org.tandem.content.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.content.ContentCase;
import org.tandem.content.Disclosure;
import org.tandem.members.Member;
import org.tandem.members.MemberRepository;
import org.tandem.platform.provenance.ContentHash;
import org.tandem.platform.provenance.Provenance;
import org.tandem.platform.time.EngineClock;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;

/**
 * Opens the delivery of a disclosure, in the disclosure's own transaction: who receives it, its
 * Message-ID, and the document as it will be sent (the letter's PDF, rendered once). A channel that
 * does not go through the mail server (the portal, the case file) is delivered there and then.
 */
@Service
public class Deliveries {

    private final DeliveryRepository repository;
    private final MemberRepository members;
    private final UseCaseCatalog useCases;
    private final Provenance provenance;
    private final DeliverySettings settings;
    private final ManagementService management;

    Deliveries(
            DeliveryRepository repository,
            MemberRepository members,
            UseCaseCatalog useCases,
            Provenance provenance,
            DeliverySettings settings,
            ManagementService management) {
        this.management = management;
        this.repository = repository;
        this.members = members;
        this.useCases = useCases;
        this.provenance = provenance;
        this.settings = settings;
    }

    /** @return whether the content is already delivered (its channel needs no sending) */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean open(ContentCase c, String kind, Channel channel, Disclosure disclosure) {
        if (!channel.byMail()) {
            repository.insertOnce(
                    c.id(),
                    kind,
                    channel,
                    Delivery.Status.SENT,
                    channel == Channel.ESPACE_SOCIETAIRE
                            ? Delivery.RecipientKind.PORTAL
                            : Delivery.RecipientKind.CASE_FILE,
                    messageId(),
                    null,
                    null);
            return true;
        }
        Optional<Member> member = Optional.ofNullable(c.memberId()).flatMap(members::findById);
        Delivery.RecipientKind recipient =
                member.map(Member::email).filter(e -> !e.isBlank()).isPresent()
                        ? Delivery.RecipientKind.MEMBER
                        : Delivery.RecipientKind.MAIL_ROOM;
        byte[] document = null;
        String documentHash = null;
        if (channel == Channel.COURRIER) {
            document = LetterPdf.render(new LetterPdf.Letter(
                    settings.letterhead(),
                    provenance.issuer(),
                    address(member, c),
                    title(c),
                    disclosure.disclosedText(),
                    disclosure.label(),
                    disclosure.category(),
                    disclosure.digitalSourceType(),
                    disclosure.contentSha256(),
                    disclosure.provenance(),
                    recordIdOf(disclosure),
                    provenance.verifyUrl(),
                    EngineClock.now()));
            documentHash = ContentHash.sha256(document);
        }
        repository.insertOnce(
                c.id(), kind, channel, Delivery.Status.TO_SEND, recipient, messageId(), document, documentHash);
        return false;
    }

    /** The case's latest delivery, for its page; incidents read from the engine while it waits. */
    public Optional<DeliveryView> view(ContentCase c) {
        return repository
                .latest(c.id())
                .map(d -> new DeliveryView(
                        d.channel(),
                        d.status().name(),
                        d.recipientKind().name(),
                        d.attempts(),
                        d.lastError(),
                        d.lastAttemptAt(),
                        d.sentAt(),
                        d.messageId(),
                        d.document() != null,
                        d.status() != Delivery.Status.SENT
                                && c.processInstanceId() != null
                                && management
                                                .createJobQuery()
                                                .processInstanceId(c.processInstanceId())
                                                .activityId(DeliveryRecovery.DELIVER_ACTIVITY)
                                                .noRetriesLeft()
                                                .count()
                                        > 0));
    }

    /** The document sent for the case (the letter's PDF), if its channel makes one. */
    public Optional<byte[]> document(long caseId) {
        return repository.latest(caseId).map(Delivery::document);
    }

    String title(ContentCase c) {
        String useCase = useCases.find(c.useCaseKey())
                .map(UseCase::name)
                .map(UseCase.Text::fr)
                .orElse(c.useCaseKey());
        return useCase + " — " + c.subject();
    }

    static List<String> address(Optional<Member> member, ContentCase c) {
        List<String> lines = new ArrayList<>();
        member.ifPresentOrElse(
                m -> {
                    lines.add(m.displayName());
                    lines.add(m.address());
                    lines.add(m.city());
                },
                () -> lines.add(c.memberId() == null ? "" : "Sociétaire " + c.memberId()));
        return lines;
    }

    /** The record's « jti », read back from the claims Tandem signed at the disclosure. */
    String recordIdOf(Disclosure d) {
        if (d.provenance() == null || d.provenance().isBlank()) {
            return "";
        }
        Object jti = provenance.claimsOfOwn(d.provenance()).get("jti");
        return jti == null ? "" : String.valueOf(jti);
    }

    private String messageId() {
        String from = settings.from();
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "tandem.invalid" : from.substring(at + 1).replaceAll("[>\\s]", "");
        return "<" + UUID.randomUUID() + "@" + (domain.isBlank() ? "tandem.invalid" : domain) + ">";
    }
}
