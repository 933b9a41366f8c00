package org.tandem.governance.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.governance.UseCaseEnablement;

/** The lifecycle processes' service tasks: thin, each one calls a service. */
@Configuration(proxyBeanMethods = false)
class LifecycleDelegates {

    @Bean
    JavaDelegate startExperiment(ExperimentService experiments) {
        return execution -> experiments.start(LifecycleVariables.projectId(execution));
    }

    /** A stopped, refused or retired project closes its use case everywhere it had opened it. */
    @Bean
    JavaDelegate closeUseCase(ProjectRepository projects, UseCaseEnablement enablement) {
        return execution -> {
            String useCase =
                    projects.require(LifecycleVariables.projectId(execution)).useCaseKey();
            if (useCase != null) {
                enablement.setAll(useCase, "OFF", "system");
            }
        };
    }

    @Bean
    JavaDelegate loadWaves(RolloutService rollout) {
        return execution -> execution.setVariable(
                LifecycleVariables.WAVE_IDS, rollout.waveIds(LifecycleVariables.projectId(execution)));
    }

    @Bean
    JavaDelegate prepareWave(RolloutService rollout) {
        return execution -> execution.setVariable(
                LifecycleVariables.PLANNED_START, rollout.plannedStart(LifecycleVariables.waveId(execution)));
    }

    @Bean
    JavaDelegate enableWave(RolloutService rollout) {
        return execution -> rollout.enable(LifecycleVariables.waveId(execution));
    }

    @Bean
    JavaDelegate checkGuardrails(RolloutService rollout) {
        return execution -> execution.setVariable(
                LifecycleVariables.WAVE_STATE, rollout.check(LifecycleVariables.waveId(execution)));
    }

    @Bean
    JavaDelegate pauseWave(RolloutService rollout) {
        return execution -> rollout.pause(LifecycleVariables.waveId(execution));
    }

    @Bean
    JavaDelegate resumeWave(RolloutService rollout) {
        return execution -> rollout.resume(LifecycleVariables.waveId(execution));
    }

    @Bean
    JavaDelegate stopWave(RolloutService rollout) {
        return execution -> rollout.stop(LifecycleVariables.waveId(execution));
    }

    /** The training gate of a wave, read by its gateway: {@code ${waveTraining.allTrained(execution)}}. */
    @Bean
    WaveTraining waveTraining(RolloutService rollout) {
        return new WaveTraining(rollout);
    }

    public static class WaveTraining {
        private final RolloutService rollout;

        WaveTraining(RolloutService rollout) {
            this.rollout = rollout;
        }

        public boolean allTrained(DelegateExecution execution) {
            return rollout.allTrained(LifecycleVariables.waveId(execution));
        }
    }
}
