package org.tandem.knowledge;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on a real PostgreSQL with the AI worker and the job executor switched off (a test
 * executes jobs itself). One Spring context for the knowledge tests; each test works in collections
 * of its own. The demo profile gives it the demo users (not the demo corpus): Camunda's webapps find
 * "the" engine through a static registry, so every test context's engine must know the users that
 * another context's webapp tests log in with.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"tandem.worker.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"test", "demo"})
@interface KnowledgeTest {}
