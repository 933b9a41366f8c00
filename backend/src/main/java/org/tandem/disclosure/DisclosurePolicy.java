package org.tandem.disclosure;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * Evaluates the decision table processes/disclosure-policy.dmn, where the policy owner sets the
 * thresholds in Camunda Modeler. Inputs are measured (the AI's share of the final text), not declared.
 */
@Service
public class DisclosurePolicy {

    public static final String DECISION_KEY = "disclosure-policy";

    private final DecisionService decisionService;

    DisclosurePolicy(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    public DisclosureDecision decide(boolean checkedByHuman, double aiShare) {
        DmnDecisionResultEntries result = decisionService
                .evaluateDecisionByKey(DECISION_KEY)
                .variables(Map.of("checkedByHuman", checkedByHuman, "aiShare", aiShare))
                .evaluate()
                .getSingleResult();
        if (result == null) {
            throw new IllegalStateException("The disclosure policy has no rule for checkedByHuman=" + checkedByHuman
                    + ", aiShare=" + aiShare);
        }
        return fromEntries(result);
    }

    static DisclosureDecision fromEntries(Map<String, Object> entries) {
        Object label = entries.get("label");
        return new DisclosureDecision(
                DisclosureDecision.Category.valueOf((String) entries.get("category")),
                label == null || label.toString().isBlank() ? null : label.toString(),
                Boolean.TRUE.equals(entries.get("citeSources")));
    }
}
