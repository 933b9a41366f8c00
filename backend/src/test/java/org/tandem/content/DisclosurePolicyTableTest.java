package org.tandem.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of processes/disclosure-policy.dmn and its threshold, on Camunda's DMN engine. */
class DisclosurePolicyTableTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = DisclosurePolicyTableTest.class.getResourceAsStream("/processes/disclosure-policy.dmn")) {
            decision = dmn.parseDecision(DisclosurePolicy.DECISION_KEY, in);
        }
    }

    private static DisclosureDecision decide(boolean checked, double share) {
        DmnDecisionResult result = dmn.evaluateDecision(decision, Map.of("checkedByHuman", checked, "aiShare", share));
        return DisclosurePolicy.fromEntries(result.getSingleResult().getEntryMap());
    }

    @ParameterizedTest(name = "checked={0}, aiShare={1} → {2}")
    @CsvSource({
        "false, 1.0,    AI_ONLY",
        "false, 0.3,    AI_ONLY",
        "false, 0.0,    HUMAN",
        "true,  1.0,    AI_VALIDATED",
        "true,  0.5,    AI_VALIDATED",
        "true,  0.4999, HUMAN_WITH_AI",
        "true,  0.0001, HUMAN_WITH_AI",
        "true,  0.0,    HUMAN"
    })
    void categoryFollowsHowTheContentWasProduced(boolean checked, double share, DisclosureDecision.Category expected) {
        assertThat(decide(checked, share).category()).isEqualTo(expected);
    }

    @Test
    void aFullyAiAnswerSaysSoAndCitesItsSources() {
        DisclosureDecision d = decide(false, 1.0);
        assertThat(d.label()).contains("intelligence artificielle générative");
        assertThat(d.citeSources()).isTrue();
    }

    @Test
    void anAiContentValidatedByAnEmployeeIsLabelled() {
        DisclosureDecision d = decide(true, 0.93);
        assertThat(d.label()).contains("IA générative").contains("validé par un collaborateur");
        assertThat(d.citeSources()).isFalse();
    }

    @Test
    void anEmployeesOwnWritingCarriesNoLabel() {
        assertThat(decide(true, 0.2).label()).isNull();
    }

    @Test
    void aTextNoModelWroteIsNeverLabelledAsAi() {
        // hand-drafted, without AI step, or the offline drafter's template (its words are people's)
        for (boolean checked : new boolean[] {true, false}) {
            DisclosureDecision d = decide(checked, 0.0);
            assertThat(d.category()).isEqualTo(DisclosureDecision.Category.HUMAN);
            assertThat(d.label()).isNull();
            assertThat(d.citeSources()).isFalse();
        }
    }

    @Test
    void everyShareHasExactlyOneRule() {
        // UNIQUE hit policy: an overlap or a gap would throw or answer nothing
        for (boolean checked : new boolean[] {true, false}) {
            for (int i = 0; i <= 1000; i++) {
                double share = i / 1000.0;
                assertThat(dmn.evaluateDecision(decision, Map.of("checkedByHuman", checked, "aiShare", share))
                                .size())
                        .as("checked=%s share=%s", checked, share)
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void aCheckedContentWithoutAMeasuredShareMatchesNoRule() {
        // DisclosurePolicy refuses an empty result: a label is never guessed
        var input = new java.util.HashMap<String, Object>();
        input.put("checkedByHuman", true);
        input.put("aiShare", null);
        assertThat(dmn.evaluateDecision(decision, input).isEmpty()).isTrue();
    }
}
