package org.tandem.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Session JDBC rewrote a session's row on every request only to move its last access time: a write
 * and a durable commit per call (issue 18). The row is now written when something else changed (id,
 * principal, time-out) or when the stored last access is {@link #ACCESS_RESOLUTION} old; a session then
 * expires at most that much earlier than its exact idle time-out. Attributes are saved as before. A request that
 * changes nothing else writes nothing ({@link RecentAccessSessions}), and reads its session without a transaction
 * ({@link #sessionReadsWithoutTransaction}). The principal's name for the index column is read without an
 * expression ({@link #principalIndex}), and a stored security context is deserialized once
 * ({@link StoredSecurityContexts}).
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
     * The session filter, over the sessions that write only what changed ({@link RecentAccessSessions}) and with the
     * session id's cookie as Spring Session configures it (the {@code HttpSessionIdResolver} bean if there is one, else
     * the cookie of Spring Boot's {@code CookieSerializer}). Not a bean of its own: a {@code SessionRepository} bean
     * would turn Spring Boot's JDBC sessions off.
     */
    @Bean
    static BeanPostProcessor sessionFilterOverRecentAccess(
            ObjectProvider<JdbcIndexedSessionRepository> sessions,
            ObjectProvider<HttpSessionIdResolver> resolvers,
            ObjectProvider<CookieSerializer> cookies) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof SessionRepositoryFilter<?>)) {
                    return bean;
                }
                return filterOver(
                        new RecentAccessSessions(sessions.getObject(), ACCESS_RESOLUTION),
                        resolvers.getIfAvailable(() -> {
                            CookieHttpSessionIdResolver cookie = new CookieHttpSessionIdResolver();
                            cookie.setCookieSerializer(cookies.getIfAvailable(DefaultCookieSerializer::new));
                            return cookie;
                        }));
            }
        };
    }

    /** Spring Session's filter over these sessions, each request in a scope that reads its session once. */
    static SessionRepositoryFilter<Session> filterOver(RecentAccessSessions sessions, HttpSessionIdResolver ids) {
        SessionRepositoryFilter<Session> filter = new SessionRepositoryFilter<>(sessions) {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try (RecentAccessSessions.RequestScope scope = sessions.oneReadPerRequest()) {
                    super.doFilterInternal(request, response, chain);
                }
            }
        };
        filter.setHttpSessionIdResolver(ids);
        return filter;
    }

    /**
     * Spring Session's transactions: its writes (a session's save, its deletion) each in a transaction of their own
     * as before; its reads — a session by id or by principal, one select each, and the expired sessions' cleanup, one
     * delete — as single statements. Each request's read was a transaction of its own: a begin and a commit around
     * one select, 8.5 per content case (issue 18). Given to Spring Session's configuration before it builds its
     * repository, not as a bean: a bean of this type would replace Spring Boot's {@code TransactionTemplate}.
     * {@code SessionWritesIT} checks which call each operation of the repository makes.
     */
    @Bean
    static BeanPostProcessor sessionReadsWithoutTransaction(ObjectProvider<PlatformTransactionManager> transactions) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcHttpSessionConfiguration configuration) {
                    configuration.setTransactionOperations(sessionTransactions(transactions.getObject()));
                }
                return bean;
            }
        };
    }

    /** Reads without a transaction, writes in a new one (as Spring Session's own template). */
    static TransactionOperations sessionTransactions(PlatformTransactionManager transactions) {
        TransactionTemplate writes = new TransactionTemplate(transactions);
        writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        TransactionOperations reads = TransactionOperations.withoutTransaction();
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                return reads.execute(action);
            }

            @Override
            public void executeWithoutResult(Consumer<TransactionStatus> action) {
                writes.executeWithoutResult(action);
            }
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
