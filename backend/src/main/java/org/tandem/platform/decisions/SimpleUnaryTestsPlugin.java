package org.tandem.platform.decisions;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's DMN engine {@link SimpleUnaryTests} in front of the FEEL engine it would have built
 * (Camunda's, with the custom functions set on the engine), unless the legacy FEEL engine was asked for.
 */
@Component
class SimpleUnaryTestsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.isDmnFeelEnableLegacyBehavior()) {
            return;
        }
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        if (dmn.getFeelEngineFactory() != null) {
            return; // someone chose a FEEL engine: theirs
        }
        // created when the DMN engine is built, after the engine has handed it its custom functions
        dmn.setFeelEngineFactory(() -> new SimpleUnaryTests(
                new ScalaFeelEngineFactory(dmn.getFeelCustomFunctionProviders()).createInstance()));
        configuration.setDmnEngineConfiguration(dmn);
    }
}
