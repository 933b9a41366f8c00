package org.tandem.platform.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.TandemIntegrationTest;

/** The engine's decision tables run their simple rule tests in Java, with the answers the table gives. */
@TandemIntegrationTest
class SimpleUnaryTestsIT {

    @Autowired
    ProcessEngine engine;

    @Autowired
    DecisionService decisions;

    @Test
    void theEnginesDmnEngineDecidesSimpleTestsInJava() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();

        assertThat(dmn.getFeelEngine()).isInstanceOf(SimpleUnaryTests.class);
    }

    @Test
    void theDisclosureTableGivesEachRulesCategory() {
        Map<String, String> expected = Map.of(
                "false/0.8", "AI_ONLY",
                "true/0.5", "AI_VALIDATED",
                "true/0.2", "HUMAN_WITH_AI",
                "true/0.0", "HUMAN");
        expected.forEach((inputs, category) -> {
            String[] in = inputs.split("/");
            Object answer = decisions
                    .evaluateDecisionByKey("disclosure-policy")
                    .variables(
                            Map.of("checkedByHuman", Boolean.parseBoolean(in[0]), "aiShare", Double.parseDouble(in[1])))
                    .evaluate()
                    .getSingleResult()
                    .getEntry("category");
            assertThat(answer).as(inputs).isEqualTo(category);
        });
    }
}
