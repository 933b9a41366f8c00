package org.tandem.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application as an insurer installs it, without the demo profile: no demo user, member, entity
 * or history; governance required (a use case is off until a project or an administrator opens it);
 * the first administrator from tandem.bootstrap-admin.password ({@link #ADMIN_PASSWORD}). The AI worker and the job executor
 * are off: these tests look at what people and the gate do, not at drafting. One shared context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.worker.enabled=false",
            "camunda.bpm.job-execution.enabled=false",
            "tandem.bootstrap-admin.password=" + OutsideDemoIntegrationTest.ADMIN_PASSWORD
        })
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface OutsideDemoIntegrationTest {

    /** The first administrator's password (user « admin »), as TANDEM_ADMIN_PASSWORD would set it. */
    String ADMIN_PASSWORD = "Admin-Secret-1";
}
