package org.tandem.bench.peer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * P1-peer's baseline (issue 18): Camunda 7 as a team would run it without Tandem — the engine in
 * Spring Boot, its REST API behind HTTP Basic with authorizations on, PostgreSQL with durable
 * commits and a pool of 20 like Tandem's — serving Tandem's own content process with Tandem's
 * Java taken out ({@link #model}): the same BPMN shape, the same decision table.
 * bench/p1_peer.py drives it through /engine-rest as Tandem's harness drives Tandem.
 */
@SpringBootApplication
public class BareCamundaPeer {

    static final String PROCESS = "bare-content";
    static final String DECISION = "disclosure-policy";

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaPeer.class, args);
    }

    // the same server Tandem starts when no datasource is configured, with the same settings
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${peer.data-dir:}") String dataDir) throws IOException {
        Path dir = dataDir.isBlank() ? Files.createTempDirectory("bare-camunda-pg-") : Path.of(dataDir);
        Files.createDirectories(dir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "100")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }

    // the REST API asks every request for its user (Camunda's documented set-up for HTTP Basic)
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /** The people of the harness: advisers who file, experts who review and approve, a worker for the AI step. */
    @Bean
    ApplicationRunner peopleAndProcess(
            ProcessEngine engine, @Value("${peer.processes:../../processes}") Path processes) {
        return args -> {
            IdentityService identity = engine.getIdentityService();
            group(identity, "advisers");
            group(identity, "experts");
            group(identity, "workers");
            for (String[] person : List.of(
                    new String[] {"alice", "advisers"}, new String[] {"bob", "experts"}, new String[] {"worker", "workers"
                    })) {
                if (identity.createUserQuery().userId(person[0]).count() == 0) {
                    var user = identity.newUser(person[0]);
                    user.setPassword(person[0]);
                    identity.saveUser(user);
                    identity.createMembership(person[0], person[1]);
                }
            }
            AuthorizationService authorizations = engine.getAuthorizationService();
            // advisers start cases and read their instances; experts read and work the tasks; the worker
            // locks and completes the external tasks (it reads and updates the instances)
            grant(authorizations, "advisers", Resources.PROCESS_DEFINITION, Permissions.READ,
                    Permissions.CREATE_INSTANCE, Permissions.READ_HISTORY);
            grant(authorizations, "advisers", Resources.PROCESS_INSTANCE, Permissions.CREATE, Permissions.READ);
            grant(authorizations, "experts", Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.READ_TASK);
            grant(authorizations, "experts", Resources.TASK, Permissions.READ, Permissions.UPDATE);
            grant(authorizations, "workers", Resources.PROCESS_DEFINITION, Permissions.READ,
                    Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE);
            grant(authorizations, "workers", Resources.PROCESS_INSTANCE, Permissions.READ, Permissions.UPDATE);
            engine.getRepositoryService()
                    .createDeployment()
                    .name(PROCESS)
                    .addModelInstance(PROCESS + ".bpmn", model(processes.resolve("content.bpmn")))
                    .addString(DECISION + ".dmn", Files.readString(processes.resolve(DECISION + ".dmn")))
                    .enableDuplicateFiltering(true)
                    .deploy();
        };
    }

    /**
     * Tandem's own content process (processes/content.bpmn), read as Tandem deploys it, with what Tandem's Java
     * does replaced by what the bare engine does alone: the same elements, gateways, due dates, deadline timers,
     * error boundary, decision table (processes/disclosure-policy.dmn, evaluated by the engine) and asynchronous
     * disclosure and delivery; the service steps are no-ops, the case-status listeners and the forms are gone.
     */
    static BpmnModelInstance model(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        model.<Process>getModelElementById("content").setId(PROCESS);
        for (var listener : List.copyOf(model.getModelElementsByType(CamundaExecutionListener.class))) {
            listener.getParentElement().removeChildElement(listener);
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if (task.getCamundaDelegateExpression() != null) {
                task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression");
                // the escalation's gateway reads what the step decided; the others decide nothing
                task.setCamundaExpression(task.getId().equals("escalate")
                        ? "${execution.setVariableLocal('escalatedAs', 'NOTIFIED')}"
                        : "${true}");
            }
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression");
            task.setCamundaDecisionRef(DECISION);
            // the decided category only, as Tandem keeps it (the engine's result is a transient local variable)
            CamundaExecutionListener keep = model.newInstance(CamundaExecutionListener.class);
            keep.setCamundaEvent("end");
            keep.setCamundaExpression("${execution.setVariable('disclosureCategory',"
                    + " decisionResult.getSingleResult().get('category'))}");
            task.builder().addExtensionElement(keep);
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "formRef");
            task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "formRefBinding");
        }
        // Tandem computes the escalation's date from the case's due date; the bare engine reads the due date
        for (TimeDate date : model.getModelElementsByType(TimeDate.class)) {
            date.setTextContent("${dueDate}");
        }
        for (var cycle : model.getModelElementsByType(CamundaFailedJobRetryTimeCycle.class)) {
            if (cycle.getTextContent().contains("${")) {
                cycle.setTextContent("R5/PT30S");
            }
        }
        return model;
    }

    private static void group(IdentityService identity, String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            var group = identity.newGroup(id);
            group.setName(id);
            identity.saveGroup(group);
        }
    }

    private static void grant(AuthorizationService service, String group, Resource resource, Permission... permissions) {
        Authorization authorization = service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId("*");
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        service.saveAuthorization(authorization);
    }
}
