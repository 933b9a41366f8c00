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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * P1-peer's baseline (issue 18): Camunda 7 as a team would run it without Tandem — the engine in
 * Spring Boot, its REST API behind HTTP Basic with authorizations on, PostgreSQL with durable
 * commits and a pool of 20 like Tandem's — serving a process of the content process's shape:
 * context step, external AI task, review and approval user tasks, decision, asynchronous
 * disclosure. bench/p1_peer.py drives it through /engine-rest as Tandem's harness drives Tandem.
 */
@SpringBootApplication
public class BareCamundaPeer {

    static final String PROCESS = "bare-content";

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
    ApplicationRunner peopleAndProcess(ProcessEngine engine) {
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
                    .addModelInstance(PROCESS + ".bpmn", model())
                    .enableDuplicateFiltering(true)
                    .deploy();
        };
    }

    static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(180)
                .startEvent()
                .serviceTask("assembleContext")
                .camundaExpression("${true}")
                .serviceTask("aiDraft")
                .camundaType("external")
                .camundaTopic("ai-draft")
                .userTask("review")
                .camundaCandidateGroups("experts")
                .userTask("approve")
                .camundaCandidateGroups("experts")
                .serviceTask("disclosurePolicy")
                .camundaExpression("${true}")
                .serviceTask("disclose")
                .camundaAsyncBefore()
                .camundaExpression("${true}")
                .endEvent()
                .done();
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
