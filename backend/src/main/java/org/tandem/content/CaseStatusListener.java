package org.tandem.content;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.audit.AuditType;

/**
 * Keeps the case's status in step with the process, from execution listeners in the BPMN:
 * {@code ${caseStatus.mark(execution, 'IN_REVIEW')}}.
 */
@Component("caseStatus")
public class CaseStatusListener {

    private final CaseRepository cases;
    private final AuditTrail audit;

    CaseStatusListener(CaseRepository cases, AuditTrail audit) {
        this.cases = cases;
        this.audit = audit;
    }

    public static final String AI_INCIDENT = "aiDraftFailed";

    /** Once the hand-drafted content is in, the AI incident of the case is resolved. */
    public void resolveAiIncidents(DelegateExecution execution) {
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        runtime.createIncidentQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .incidentType(AI_INCIDENT)
                .list()
                .forEach(incident -> runtime.resolveIncident(incident.getId()));
    }

    public void mark(DelegateExecution execution, String status) {
        long caseId = ((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue();
        CaseStatus next = CaseStatus.valueOf(status);
        Object reason = execution.getVariable(CaseVariables.AI_FAILURE_REASON);
        if (next == CaseStatus.HAND_DRAFTING && reason != null) {
            cases.recordFailure(caseId, next, reason.toString());
            audit.append(caseId, "system", AuditType.AI_FAILED, Map.of("reason", reason.toString()));
            // shown in Cockpit as an open incident while people write the content by hand
            execution
                    .getProcessEngineServices()
                    .getRuntimeService()
                    .createIncident(AI_INCIDENT, execution.getId(), String.valueOf(caseId), reason.toString());
        } else {
            cases.updateStatus(caseId, next);
        }
    }
}
