package org.tandem.platform.security;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session JDBC rewrote a session's row on every request only to move its last access time: a write
 * and a durable commit per call (issue 18). The row is now written when something else changed (id,
 * principal, time-out) or when the stored last access is {@link #ACCESS_RESOLUTION} old; a session then
 * expires at most that much earlier than its exact idle time-out. Attributes are saved as before. The principal's
 * name for the index column is read without an expression ({@link #principalIndex}), and a stored security context
 * is deserialized once ({@link StoredSecurityContexts}).
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

    static final Duration ACCESS_RESOLUTION = Duration.ofMinutes(1);

    /** Spring Session's own update, in its parameters' order, made a no-op when only a recent access moved. */
    static final String UPDATE_SESSION = """
            UPDATE %%TABLE_NAME%% AS s
            SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
                MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
                PRINCIPAL_NAME = v.principal_name
            FROM (VALUES (CAST(? AS VARCHAR(36)), CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS BIGINT),
                          CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(36))))
                AS v (session_id, last_access_time, max_inactive_interval, expiry_time, principal_name, primary_id)
            WHERE s.PRIMARY_ID = v.primary_id
              AND (s.SESSION_ID <> v.session_id
                   OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                   OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
                   OR v.last_access_time - s.LAST_ACCESS_TIME >= %d)
            """.formatted(ACCESS_RESOLUTION.toMillis());

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> fewerSessionWrites() {
        return repository -> {
            repository.setUpdateSessionQuery(UPDATE_SESSION);
            repository.setIndexResolver(SessionWrites::principalIndex);
            repository.setConversionService(
                    new StoredSecurityContexts(SessionWrites.class.getClassLoader()).conversions());
        };
    }

    /**
     * The principal's name for the session's index column, as Spring Session's resolver finds it, read from the
     * security context directly: that resolver evaluated a SpEL expression at each request (1 % of the CPU).
     */
    static Map<String, String> principalIndex(Session session) {
        String name = session.getAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
        if (name == null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context) {
            Authentication authentication = context.getAuthentication();
            name = authentication == null ? null : authentication.getName();
        }
        return Collections.singletonMap(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, name);
    }
}
