package org.tandem.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;

/**
 * Evaluates the decision table processes/disclosure-policy.dmn, where the policy owner sets the
 * thresholds in Camunda Modeler. Inputs are measured (the AI's share of the final text), not declared.
 */
@Service
public class DisclosurePolicy {

    public static final String DECISION_KEY = "disclosure-policy";

    private final DecisionService decisionService;
    private final ProcessEngine engine;
    /** The latest deployed table, parsed once per version (the policy owner redeploys it rarely). */
    private volatile ParsedTable parsed;
    /** A plain DMN engine: the process engine's one records history and needs a command context. */
    private final DmnEngine dmn =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    /**
     * Previews already answered for this table version: the FEEL evaluation was an eighth of the
     * CPU of a P1 run, and a case's view is rebuilt after every step with the same inputs.
     */
    private final Map<Inputs, DisclosureDecision> answered =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Inputs, DisclosureDecision> eldest) {
                    return size() > 1_000;
                }
            });

    private record ParsedTable(String definitionId, DmnDecision decision) {}

    private record Inputs(String definitionId, boolean checkedByHuman, double aiShare) {}

    DisclosurePolicy(DecisionService decisionService, ProcessEngine engine) {
        this.decisionService = decisionService;
        this.engine = engine;
    }

    /**
     * The decision that counts, evaluated by the engine and kept in its decision history (Cockpit
     * shows which rule gave the label).
     */
    public DisclosureDecision decide(boolean checkedByHuman, double aiShare) {
        DmnDecisionResultEntries result = decisionService
                .evaluateDecisionByKey(DECISION_KEY)
                .variables(variables(checkedByHuman, aiShare))
                .evaluate()
                .getSingleResult();
        return checked(result, checkedByHuman, aiShare);
    }

    /**
     * The same table's answer without a trace in the decision history: for previews and checks,
     * which run on every display of a case and decide nothing.
     */
    public DisclosureDecision preview(boolean checkedByHuman, double aiShare) {
        return versionedPreview(checkedByHuman, aiShare).decision();
    }

    /** A preview's answer with the version of the table that gave it. */
    public record Versioned(DisclosureDecision decision, int version) {}

    /**
     * {@link #preview} with the version of the table that answered, from one lookup of the latest table: a
     * disclosure records both (issue 18: the lookup, a query, was made twice per case).
     */
    public Versioned versionedPreview(boolean checkedByHuman, double aiShare) {
        DecisionDefinition latest = engine.getRepositoryService()
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_KEY)
                .latestVersion()
                .singleResult();
        if (latest == null) {
            throw new IllegalStateException("The disclosure policy " + DECISION_KEY + " is not deployed");
        }
        ParsedTable table = parsed;
        if (table == null || !table.definitionId().equals(latest.getId())) {
            try (var model = engine.getRepositoryService().getDecisionModel(latest.getId())) {
                table = new ParsedTable(latest.getId(), dmn.parseDecision(DECISION_KEY, model));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            parsed = table;
        }
        ParsedTable current = table;
        DisclosureDecision decision = answered.computeIfAbsent(
                new Inputs(current.definitionId(), checkedByHuman, aiShare),
                in -> checked(
                        dmn.evaluateDecision(current.decision(), variables(checkedByHuman, aiShare))
                                .getSingleResult(),
                        checkedByHuman,
                        aiShare));
        return new Versioned(decision, latest.getVersion());
    }

    /** The version of the deployed decision that previews and checks use (the latest). */
    public int deployedVersion() {
        DecisionDefinition latest = engine.getRepositoryService()
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_KEY)
                .latestVersion()
                .singleResult();
        if (latest == null) {
            throw new IllegalStateException("The disclosure policy " + DECISION_KEY + " is not deployed");
        }
        return latest.getVersion();
    }

    private static Map<String, Object> variables(boolean checkedByHuman, double aiShare) {
        return Map.of("checkedByHuman", checkedByHuman, "aiShare", aiShare);
    }

    private static DisclosureDecision checked(DmnDecisionResultEntries result, boolean checkedByHuman, double aiShare) {
        if (result == null) {
            throw new IllegalStateException(
                    "The disclosure policy has no rule for checkedByHuman=" + checkedByHuman + ", aiShare=" + aiShare);
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
