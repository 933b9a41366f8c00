package org.tandem.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.content.delivery.Channel;
import org.tandem.content.delivery.Deliveries;
import org.tandem.platform.ai.AiProperties;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;
import org.tandem.platform.provenance.ContentHash;
import org.tandem.platform.provenance.DigitalSourceType;
import org.tandem.platform.provenance.Provenance;
import org.tandem.platform.provenance.ProvenanceClaims;
import org.tandem.platform.time.EngineClock;
import org.tandem.platform.usecase.UseCase;
import org.tandem.platform.usecase.UseCaseCatalog;

/**
 * Produces what the member receives, exactly once per case, and only when the engine's history
 * records a completed approval by the person named as accountable: the text with the label the
 * policy gave, its signed provenance record, and the delivery through the use case's channel
 * (sent by the process's next step, {@code deliver}, exactly once too).
 */
@Service
public class DisclosureService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DisclosureService.class);

    public static final String APPROVAL_TASK = "approve";
    static final String FINAL = "FINAL";
    static final String AI_ANSWER = "AI_ANSWER";
    /** The group of the AI referents, who authorise unattended answers per pre-prompt version. */
    static final String AI_REFERENTS = "ai-referents";

    private final CaseRepository cases;
    private final DisclosureRepository disclosures;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final DraftRepository drafts;
    private final DisclosurePolicy policy;
    private final Provenance provenance;
    private final UseCaseCatalog useCases;
    private final Deliveries deliveries;
    private final AiProperties ai;

    DisclosureService(
            CaseRepository cases,
            DisclosureRepository disclosures,
            JdbcClient jdbc,
            ObjectMapper json,
            AuditTrail audit,
            DraftRepository drafts,
            DisclosurePolicy policy,
            Provenance provenance,
            UseCaseCatalog useCases,
            Deliveries deliveries,
            AiProperties ai) {
        this.ai = ai;
        this.provenance = provenance;
        this.useCases = useCases;
        this.deliveries = deliveries;
        this.drafts = drafts;
        this.policy = policy;
        this.cases = cases;
        this.disclosures = disclosures;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    /** Exactly what the member would receive if the text were approved now (label included). */
    public record Preview(
            @Schema(implementation = DisclosureDecision.Category.class)
            String category,

            String label,
            String text) {}

    public Preview preview(String text, double aiShare, DisclosurePolicy policy) {
        DisclosureDecision decision = policy.preview(true, aiShare);
        return new Preview(decision.category().name(), decision.label(), disclosedText(text, decision));
    }

    private static String disclosedText(String text, DisclosureDecision decision) {
        String stripped = text.strip();
        return decision.label() == null ? stripped : stripped + "\n\n— " + decision.label();
    }

    /**
     * Discloses the approved text. The label is decided again here from the AI share recorded with
     * the approval: the category the process carries lives in a variable that the engine's REST API
     * can rewrite, and must not be able to drop the AI label.
     *
     * @param requested the category the process's business rule task decided (none: not known)
     */
    @Transactional
    public Disclosure disclose(long caseId, DisclosureDecision.Category requested) {
        var existing = disclosures.find(caseId, FINAL);
        if (existing.isPresent()) {
            return existing.get();
        }
        ContentCase contentCase =
                cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
        requireRecordedApproval(contentCase);
        // a check of the process's decision, not a second decision: no second entry in the decision history
        DisclosurePolicy.Versioned checked =
                policy.versionedPreview(true, contentCase.aiShare() == null ? 0.0 : contentCase.aiShare());
        DisclosureDecision decision = checked.decision();
        if (requested != null && decision.category() != requested) {
            log.warn(
                    "Case {}: the process asked for disclosure category {}, the recorded approval gives {}",
                    caseId,
                    requested,
                    decision.category());
        }
        double share = contentCase.aiShare() == null ? 0.0 : contentCase.aiShare();
        return record(
                contentCase,
                FINAL,
                contentCase.finalText(),
                decision,
                checked.version(),
                share,
                new Accountable(true, approverGroup(contentCase), contentCase.approvedBy()));
    }

    /**
     * Discloses an answer no person read first (member chatbot): allowed only under the standing
     * authorisation of the case's pre-prompt version that an AI referent recorded in the engine.
     */
    @Transactional
    public Disclosure discloseUnattended(
            long caseId, String aiText, double aiShare, String authorizedBy, DisclosureDecision decision) {
        var existing = disclosures.find(caseId, AI_ANSWER);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (authorizedBy == null) {
            throw new IllegalStateException("Case " + caseId + ": no standing authorisation; nothing is disclosed");
        }
        ContentCase contentCase =
                cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
        return record(
                contentCase,
                AI_ANSWER,
                aiText,
                decision,
                policy.deployedVersion(),
                aiShare,
                new Accountable(false, AI_REFERENTS, authorizedBy));
    }

    /**
     * Who answers for a disclosed text: the approver (an employee read and approved it), or the AI referent
     * whose standing authorisation let an unattended answer out. Records name them by pseudonym only.
     */
    private record Accountable(boolean humanValidated, String role, String username) {}

    private Disclosure record(
            ContentCase contentCase,
            String kind,
            String text,
            DisclosureDecision decision,
            int policyVersion,
            double aiShare,
            Accountable accountable) {
        long caseId = contentCase.id();
        boolean humanValidated = accountable.humanValidated();
        String model = aiShare > 0
                ? drafts.latestFromAiStep(caseId)
                        .filter(d -> d.producer().isAi())
                        .map(Draft::model)
                        .orElse(null)
                : null;
        String recordId = recordId(caseId, kind);
        String marker = marker(contentCase, decision, aiShare, accountable, recordId);
        String disclosed = disclosedText(text, decision);
        if (decision.citeSources()) {
            disclosed = withSources(disclosed, text, caseId);
        }
        Channel channel = channelOf(contentCase);
        DigitalSourceType sourceType = DigitalSourceType.of(aiShare);
        String contentHash = ContentHash.of(disclosed);
        String record = provenance.sign(new ProvenanceClaims(
                provenance.issuer(),
                recordId,
                EngineClock.now().toInstant(),
                contentHash,
                sourceType,
                decision.category().name(),
                decision.label(),
                aiShare,
                humanValidated,
                humanValidated && contentCase.approvedAt() != null
                        ? contentCase.approvedAt().toInstant()
                        : null,
                accountable.role(),
                provenance.pseudonym(accountable.username()),
                model,
                model == null ? null : ai.provider().key(),
                contentCase.promptVersion(),
                contentCase.useCaseKey(),
                channel.key(),
                policyVersion));
        Optional<Disclosure> inserted = disclosures.insertOnce(
                new Disclosure(
                        caseId,
                        decision.category().name(),
                        decision.label(),
                        decision.citeSources(),
                        marker,
                        disclosed,
                        null,
                        channel.key(),
                        sourceType.uri(),
                        contentHash,
                        record),
                kind);
        if (inserted.isPresent()) {
            boolean sent = deliveries.open(contentCase, kind, channel, inserted.get());
            cases.updateStatus(caseId, sent ? CaseStatus.DISCLOSED : CaseStatus.TO_SEND);
            var details = new LinkedHashMap<String, Object>();
            details.put("kind", kind);
            details.put("category", decision.category().name());
            details.put("label", decision.label());
            details.put("marker", marker);
            details.put("channel", channel.key());
            details.put("digitalSourceType", sourceType.uri());
            details.put("contentSha256", contentHash);
            details.put("provenance", record);
            audit.append(caseId, "system", AuditType.DISCLOSED, details, Map.of("disclosedText", disclosed));
            return inserted.get();
        }
        // another node or an earlier attempt recorded it first: theirs is the disclosure
        return disclosures.find(caseId, kind).orElseThrow();
    }

    /** A stable, opaque identifier of a case's disclosure of one kind (the record's « jti »). */
    static String recordId(long caseId, String kind) {
        return "urn:uuid:"
                + UUID.nameUUIDFromBytes(("tandem-disclosure:" + caseId + ":" + kind).getBytes(StandardCharsets.UTF_8));
    }

    /** The group whose members may approve the use case's contents (the approver's role). */
    private String approverGroup(ContentCase c) {
        return useCases.find(c.useCaseKey()).map(UseCase::approverGroup).orElse(null);
    }

    private Channel channelOf(ContentCase c) {
        return Channel.of(
                useCases.find(c.useCaseKey()).map(UseCase::disclosureChannel).orElse(null));
    }

    /**
     * The policy asks to cite sources (an answer no person checked): the knowledge documents the text
     * refers to by their marks ([S1]…), named so a member can ask for them.
     */
    private String withSources(String disclosed, String text, long caseId) {
        List<DraftSource> cited =
                drafts.latestFromAiStep(caseId).map(d -> drafts.sources(d.id())).orElse(List.of()).stream()
                        .filter(s -> text.contains("[" + s.id() + "]"))
                        .toList();
        if (cited.isEmpty()) {
            return disclosed;
        }
        return disclosed + "\n\nSources : "
                + String.join(
                        " ; ",
                        cited.stream()
                                .map(s -> "[" + s.id() + "] " + s.title() + " (réf. " + s.reference() + ")")
                                .distinct()
                                .toList());
    }

    private void requireRecordedApproval(ContentCase c) {
        if (c.finalText() == null || c.approvedBy() == null || c.processInstanceId() == null) {
            throw new IllegalStateException("Case " + c.id() + " has no approved text: nothing is disclosed");
        }
        // the engine's history of the case's approval tasks, read by its index on the process instance (a
        // historic task query's dynamic SQL cost 2 % of a case's CPU, issue 18); completed, not cancelled by a
        // process-instance modification
        long approvals = jdbc.sql("select count(*) from act_hi_taskinst where proc_inst_id_ = ? and task_def_key_ = ?"
                        + " and assignee_ = ? and end_time_ is not null and delete_reason_ = 'completed'")
                .params(c.processInstanceId(), APPROVAL_TASK, c.approvedBy())
                .query(Long.class)
                .single();
        if (approvals == 0) {
            throw new IllegalStateException("Case " + c.id() + ": no approval by " + c.approvedBy()
                    + " is recorded in the engine; nothing is disclosed");
        }
    }

    /**
     * Machine-readable marking of AI-generated content (EU AI Act art. 50(2)), the short form kept with the
     * disclosure: the IPTC digital source type and the measured facts; the signed record (its « record »)
     * is the one that travels with the content. Names no one: the accountable person by pseudonym.
     */
    private String marker(
            ContentCase c, DisclosureDecision decision, double aiShare, Accountable accountable, String recordId) {
        Map<String, Object> marker = new LinkedHashMap<>();
        // a model wrote the text, or most of it: the categories that carry a label
        marker.put(
                "aiGenerated",
                decision.category() == DisclosureDecision.Category.AI_ONLY
                        || decision.category() == DisclosureDecision.Category.AI_VALIDATED);
        marker.put("digitalSourceType", DigitalSourceType.of(aiShare).uri());
        marker.put("category", decision.category().name());
        marker.put("aiShare", aiShare);
        marker.put("humanValidated", accountable.humanValidated());
        marker.put(accountable.humanValidated() ? "approverRole" : "authorisedByRole", accountable.role());
        marker.put(
                accountable.humanValidated() ? "approver" : "authorisedBy",
                provenance.pseudonym(accountable.username()));
        marker.put("promptVersion", c.promptVersion());
        marker.put("policy", DisclosurePolicy.DECISION_KEY);
        marker.put("record", recordId);
        try {
            return json.writeValueAsString(marker);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
