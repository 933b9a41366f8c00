package org.tandem.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application with the member directory of an insurer: the HTTP connector, pointed at the
 * shared {@link FakeMemberSystem} (time-out 1.5 s). One Spring context for the tests that use it; the
 * demo profile gives the demo users (and its seeded members, which this directory does not serve).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
@ContextConfiguration(initializers = FakeMemberSystem.Initializer.class)
public @interface HttpMemberDirectoryTest {}
