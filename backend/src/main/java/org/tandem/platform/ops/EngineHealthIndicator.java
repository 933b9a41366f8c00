package org.tandem.platform.ops;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of the workflow engine ({@code engine} in {@code /actuator/health}): the engine answers
 * a query on its database and, when job execution is enabled on this node, its job executor runs.
 * Part of the readiness group: a node whose engine is down must leave the load balancer.
 */
@Component("engine")
public class EngineHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngine engine;
    private final boolean jobExecutionEnabled;

    EngineHealthIndicator(
            ProcessEngine engine,
            @org.springframework.beans.factory.annotation.Value("${camunda.bpm.job-execution.enabled:true}")
                    boolean jobExecutionEnabled) {
        super("The process engine is not available");
        this.engine = engine;
        this.jobExecutionEnabled = jobExecutionEnabled;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        // a cheap round trip through the engine to its tables
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();
        JobExecutor jobExecutor =
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean active = jobExecutor != null && jobExecutor.isActive();
        builder.withDetail("name", engine.getName())
                .withDetail("deployments", deployments)
                .withDetail("jobExecutorActive", active);
        if (jobExecutionEnabled && !active) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
