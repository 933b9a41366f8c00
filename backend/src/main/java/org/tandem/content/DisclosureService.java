package org.tandem.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;

/**
 * Produces what the member receives, exactly once per case, and only when the engine's history
 * records a completed approval by the person named as accountable.
 */
@Service
public class DisclosureService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DisclosureService.class);

    public static final String APPROVAL_TASK = "approve";
    static final String FINAL = "FINAL";
    static final String AI_ANSWER = "AI_ANSWER";

    private final CaseRepository cases;
    private final DisclosureRepository disclosures;
    private final HistoryService history;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final DraftRepository drafts;
    private final DisclosurePolicy policy;

    DisclosureService(
            CaseRepository cases,
            DisclosureRepository disclosures,
            HistoryService history,
            ObjectMapper json,
            AuditTrail audit,
            DraftRepository drafts,
            DisclosurePolicy policy) {
        this.drafts = drafts;
        this.policy = policy;
        this.cases = cases;
        this.disclosures = disclosures;
        this.history = history;
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
     * the approval: the decision the process carries lives in variables that the engine's REST API
     * can rewrite, and must not be able to drop the AI label.
     */
    @Transactional
    public Disclosure disclose(long caseId, DisclosureDecision requested) {
        var existing = disclosures.find(caseId, FINAL);
        if (existing.isPresent()) {
            return existing.get();
        }
        ContentCase contentCase =
                cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
        requireRecordedApproval(contentCase);
        // a check of the process's decision, not a second decision: no second entry in the decision history
        DisclosureDecision decision = policy.preview(true, contentCase.aiShare() == null ? 0.0 : contentCase.aiShare());
        if (requested != null && !decision.equals(requested)) {
            log.warn(
                    "Case {}: the process asked for disclosure category {}, the recorded approval gives {}",
                    caseId,
                    requested.category(),
                    decision.category());
        }
        return record(contentCase, FINAL, contentCase.finalText(), decision, marker(contentCase, decision, null));
    }

    /**
     * Discloses an answer no person read first (member chatbot): allowed only under the standing
     * authorisation of the case's pre-prompt version that an AI referent recorded in the engine.
     */
    @Transactional
    public Disclosure discloseUnattended(long caseId, String aiText, String authorizedBy, DisclosureDecision decision) {
        var existing = disclosures.find(caseId, AI_ANSWER);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (authorizedBy == null) {
            throw new IllegalStateException("Case " + caseId + ": no standing authorisation; nothing is disclosed");
        }
        ContentCase contentCase =
                cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
        return record(contentCase, AI_ANSWER, aiText, decision, marker(contentCase, decision, authorizedBy));
    }

    private Disclosure record(
            ContentCase contentCase, String kind, String text, DisclosureDecision decision, String marker) {
        long caseId = contentCase.id();
        String disclosed = disclosedText(text, decision);
        if (decision.citeSources()) {
            disclosed = withSources(disclosed, text, caseId);
        }
        if (disclosures.insertOnce(
                new Disclosure(
                        caseId,
                        decision.category().name(),
                        decision.label(),
                        decision.citeSources(),
                        marker,
                        disclosed,
                        null),
                kind)) {
            cases.updateStatus(caseId, CaseStatus.DISCLOSED);
            var details = new LinkedHashMap<String, Object>();
            details.put("kind", kind);
            details.put("category", decision.category().name());
            details.put("label", decision.label());
            details.put("marker", marker);
            audit.append(caseId, "system", AuditType.DISCLOSED, details, Map.of("disclosedText", disclosed));
        }
        return disclosures.find(caseId, kind).orElseThrow();
    }

    /**
     * The policy asks to cite sources (an answer no person checked): the knowledge documents the text
     * refers to by their marks ([S1]…), named so a member can ask for them.
     */
    private String withSources(String disclosed, String text, long caseId) {
        List<DraftSource> cited = drafts.latestByAi(caseId).map(d -> drafts.sources(d.id())).orElse(List.of()).stream()
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
        long approvals = history
                .createHistoricTaskInstanceQuery()
                .processInstanceId(c.processInstanceId())
                .taskDefinitionKey(APPROVAL_TASK)
                .taskAssignee(c.approvedBy())
                .finished()
                // completed, not cancelled by a process-instance modification
                .list()
                .stream()
                .filter(t -> "completed".equals(t.getDeleteReason()))
                .count();
        if (approvals == 0) {
            throw new IllegalStateException("Case " + c.id() + ": no approval by " + c.approvedBy()
                    + " is recorded in the engine; nothing is disclosed");
        }
    }

    /** Machine-readable marking of AI-generated content (EU AI Act art. 50(2)). */
    private String marker(ContentCase c, DisclosureDecision decision, String authorizedBy) {
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("aiGenerated", decision.category() != DisclosureDecision.Category.HUMAN_WITH_AI);
        marker.put("category", decision.category().name());
        marker.put("aiShare", c.aiShare());
        marker.put("humanValidated", decision.category() != DisclosureDecision.Category.AI_ONLY);
        marker.put("approvedBy", authorizedBy == null ? c.approvedBy() : null);
        marker.put("promptVersion", c.promptVersion());
        marker.put("policy", DisclosurePolicy.DECISION_KEY);
        if (authorizedBy != null) {
            marker.put("unattendedAuthorizedBy", authorizedBy);
        }
        try {
            return json.writeValueAsString(marker);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
