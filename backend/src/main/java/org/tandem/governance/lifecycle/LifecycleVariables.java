package org.tandem.governance.lifecycle;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the (small) process variables of a project. Texts live in Tandem's tables. */
public final class LifecycleVariables {
    public static final String PROJECT_PROCESS = "genai-project";
    public static final String PROJECT_ID = "projectId";
    public static final String SUBMITTED_BY = "submittedBy";
    public static final String TRIAGE_DECISION = "triageDecision";
    public static final String SELECTION_DECISION = "selectionDecision";
    public static final String ETHICS_GATE = "ethicsGate";
    public static final String ETHICS_OUTCOME = "ethicsOutcome";
    public static final String EXPERIMENT_DECISION = "experimentDecision";
    public static final String WAVE_IDS = "waveIds";
    public static final String WAVE_ID = "waveId";
    public static final String PLANNED_START = "plannedStart";
    public static final String WAVE_STATE = "waveState";
    public static final String BREACH_DECISION = "breachDecision";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_PERIOD = "reviewPeriod";
    public static final String GUARDRAIL_CHECK_INTERVAL = "guardrailCheckInterval";
    public static final String WAVE_START_MESSAGE = "WaveStartNow";

    private LifecycleVariables() {}

    public static long projectId(VariableScope scope) {
        return ((Number) scope.getVariable(PROJECT_ID)).longValue();
    }

    public static long waveId(VariableScope scope) {
        return ((Number) scope.getVariable(WAVE_ID)).longValue();
    }
}
