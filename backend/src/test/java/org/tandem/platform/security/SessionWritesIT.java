package org.tandem.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.HeaderHttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.support.TandemIntegrationTest;

/**
 * A session's row is rewritten when something but a recent access changed, not on every request; a request that
 * changes nothing sends no write, and reads its session outside a transaction.
 */
@TandemIntegrationTest
class SessionWritesIT {

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Autowired
    SessionRepositoryFilter<?> filter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * Each statement Spring Session sends: its first word, and whether a transaction was open then (its
     * {@code update(sql, args)} goes through {@code update(sql, setter)}).
     */
    static final class RecordingJdbc extends JdbcTemplate {
        final List<String> statements = new ArrayList<>();

        RecordingJdbc(DataSource dataSource) {
            super(dataSource);
        }

        private void record(String sql) {
            statements.add(sql.strip().split("\\s+")[0].toUpperCase(Locale.ROOT)
                    + (TransactionSynchronizationManager.isActualTransactionActive() ? " in a transaction" : " alone"));
        }

        @Override
        public int update(String sql, PreparedStatementSetter setter) {
            record(sql);
            return super.update(sql, setter);
        }

        @Override
        public int[] batchUpdate(String sql, BatchPreparedStatementSetter setter) {
            record(sql);
            return super.batchUpdate(sql, setter);
        }

        @Override
        public <T> T query(String sql, PreparedStatementSetter setter, ResultSetExtractor<T> extractor) {
            record(sql);
            return super.query(sql, setter, extractor);
        }

        List<String> take() {
            List<String> taken = List.copyOf(statements);
            statements.clear();
            return taken;
        }
    }

    private long storedAccess(String id) {
        return jdbc.sql("select last_access_time from spring_session where session_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    @Test
    void onlyAnOldAccessOrAnotherChangeRewritesTheRow() {
        scenario(sessions);
    }

    @Test
    void aLoginsSecurityContextNamesTheSessionsPrincipal() {
        principalFromTheSecurityContext(sessions);
    }

    @Test
    void theFilterUsesTheSessionsThatWriteOnlyWhatChanged() {
        SessionRepository<?> filtersSessions =
                (SessionRepository<?>) ReflectionTestUtils.getField(filter, "sessionRepository");
        assertThat(filtersSessions).isInstanceOf(RecentAccessSessions.class);
        scenario(filtersSessions);
        principalFromTheSecurityContext(filtersSessions);
        // the application's repository was given the reads without a transaction
        assertThat(ReflectionTestUtils.getField(sessions, "transactionOperations"))
                .isNotInstanceOf(TransactionTemplate.class);
    }

    @Test
    void aRequestThatChangesNothingSendsOneSelectOutsideATransaction() {
        RecordingJdbc recorded = new RecordingJdbc(dataSource);
        JdbcIndexedSessionRepository repository =
                new JdbcIndexedSessionRepository(recorded, SessionWrites.sessionTransactions(transactions));
        new SessionWrites().fewerSessionWrites().customize(repository);
        RecentAccessSessions requests = new RecentAccessSessions(repository, SessionWrites.ACCESS_RESOLUTION);

        // a name of its own: other tests' logins share the database
        String person = "session-probe-" + System.nanoTime();
        Session created = requests.createSession();
        created.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, person);
        requests.save(created);
        String id = created.getId();
        assertThat(recorded.take()).isNotEmpty().allMatch(s -> s.endsWith(" in a transaction"));
        Instant stored = Instant.ofEpochMilli(storedAccess(id));

        // a request of the same minute: one select, alone; nothing written
        Session request = requests.findById(id);
        request.setLastAccessedTime(stored.plusSeconds(20));
        assertThat(request.getLastAccessedTime()).isEqualTo(stored.plusSeconds(20));
        assertThat(request.isExpired()).isFalse();
        requests.save(request);
        assertThat(recorded.take()).containsExactly("SELECT alone");
        assertThat(storedAccess(id)).isEqualTo(stored.toEpochMilli());

        // a request that sets an attribute: written in a transaction, its access passed on with it
        Session withAttribute = requests.findById(id);
        withAttribute.setLastAccessedTime(stored.plusSeconds(30));
        withAttribute.setAttribute("probe", "kept");
        requests.save(withAttribute);
        assertThat(recorded.take())
                .containsExactly("SELECT alone", "UPDATE in a transaction", "INSERT in a transaction");
        assertThat(storedAccess(id)).isEqualTo(stored.toEpochMilli());
        assertThat(requests.findById(id).<String>getAttribute("probe")).isEqualTo("kept");
        recorded.take();

        // a minute after the stored access: the row is written
        Session later = requests.findById(id);
        later.setLastAccessedTime(stored.plus(SessionWrites.ACCESS_RESOLUTION));
        requests.save(later);
        assertThat(recorded.take()).containsExactly("SELECT alone", "UPDATE in a transaction");
        assertThat(storedAccess(id))
                .isEqualTo(stored.plus(SessionWrites.ACCESS_RESOLUTION).toEpochMilli());

        // a person's sessions are a read; the cleanup one delete; a session's deletion a transaction
        assertThat(requests.findByPrincipalName(person)).containsOnlyKeys(id);
        assertThat(recorded.take()).containsExactly("SELECT alone");
        repository.cleanUpExpiredSessions();
        assertThat(recorded.take()).containsExactly("DELETE alone");
        requests.deleteById(id);
        assertThat(recorded.take()).containsExactly("DELETE in a transaction");
        assertThat(requests.findById(id)).isNull();
    }

    @Test
    void aRequestReadsItsSessionOnceThoughSpringSessionCommitsItTwice() throws Exception {
        RecordingJdbc recorded = new RecordingJdbc(dataSource);
        JdbcIndexedSessionRepository repository =
                new JdbcIndexedSessionRepository(recorded, SessionWrites.sessionTransactions(transactions));
        new SessionWrites().fewerSessionWrites().customize(repository);
        RecentAccessSessions requests = new RecentAccessSessions(repository, SessionWrites.ACCESS_RESOLUTION);
        Session created = requests.createSession();
        created.setAttribute("probe", "kept");
        requests.save(created);
        String id = created.getId();
        recorded.take();
        SessionRepositoryFilter<Session> sessionFilter =
                SessionWrites.filterOver(requests, HeaderHttpSessionIdResolver.xAuthToken());
        List<Object> seen = new ArrayList<>();
        FilterChain answer = (request, response) -> {
            seen.add(((HttpServletRequest) request).getSession(false).getAttribute("probe"));
            response.getWriter().write("{}");
            // the response is committed before the filter ends: Spring Session commits the session then, and again
            // when its filter ends
            response.flushBuffer();
        };

        for (int n = 1; n <= 2; n++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tasks");
            request.addHeader("X-Auth-Token", id);
            sessionFilter.doFilter(request, new MockHttpServletResponse(), answer);
            // one select per request, none kept for the next request
            assertThat(recorded.take()).containsExactly("SELECT alone");
        }
        assertThat(seen).containsExactly("kept", "kept");

        // a request that ends its session: a later read in the same request finds none
        MockHttpServletRequest logout = new MockHttpServletRequest("POST", "/logout");
        logout.addHeader("X-Auth-Token", id);
        sessionFilter.doFilter(logout, new MockHttpServletResponse(), (request, response) -> {
            ((HttpServletRequest) request).getSession(false).invalidate();
            assertThat(requests.findById(id)).isNull();
        });
        assertThat(requests.findById(id)).isNull();
    }

    private <S extends Session> void principalFromTheSecurityContext(SessionRepository<S> sessions) {
        S session = sessions.createSession();
        session.setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated("carol", null, List.of())));
        sessions.save(session);
        assertThat(jdbc.sql("select principal_name from spring_session where session_id = ?")
                        .param(session.getId())
                        .query(String.class)
                        .single())
                .isEqualTo("carol");
        // two requests read the stored context: each its own, deserialized once (StoredSecurityContexts)
        SecurityContext one = sessions.findById(session.getId())
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        SecurityContext two = sessions.findById(session.getId())
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(one).isNotSameAs(two);
        assertThat(one.getAuthentication()).isSameAs(two.getAuthentication());
        assertThat(two.getAuthentication().getName()).isEqualTo("carol");
        // logged out in the same session: the name goes
        S loggedOut = sessions.findById(session.getId());
        loggedOut.setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl());
        sessions.save(loggedOut);
        assertThat(jdbc.sql("select principal_name from spring_session where session_id = ?")
                        .param(session.getId())
                        .query(String.class)
                        .optional()
                        .orElse(null))
                .isNull();
        sessions.deleteById(session.getId());
    }

    // through the interface: the repository's session class is not public
    private <S extends Session> void scenario(SessionRepository<S> sessions) {
        S session = sessions.createSession();
        Instant start = Instant.now();
        session.setLastAccessedTime(start);
        sessions.save(session);
        String id = session.getId();
        assertThat(storedAccess(id)).isEqualTo(start.toEpochMilli());

        // the next requests of the same minute: the row stays as it is
        S again = sessions.findById(id);
        again.setLastAccessedTime(start.plusSeconds(20));
        sessions.save(again);
        assertThat(storedAccess(id)).isEqualTo(start.toEpochMilli());

        // an attribute is saved all the same
        S withAttribute = sessions.findById(id);
        withAttribute.setLastAccessedTime(start.plusSeconds(30));
        withAttribute.setAttribute("probe", "kept");
        sessions.save(withAttribute);
        assertThat(sessions.findById(id).<String>getAttribute("probe")).isEqualTo("kept");
        assertThat(storedAccess(id)).isEqualTo(start.toEpochMilli());

        // a login (the principal) is written at once
        S login = sessions.findById(id);
        login.setLastAccessedTime(start.plusSeconds(40));
        login.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "bob");
        sessions.save(login);
        assertThat(jdbc.sql("select principal_name from spring_session where session_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("bob");
        long afterLogin = storedAccess(id);
        assertThat(afterLogin).isEqualTo(start.plusSeconds(40).toEpochMilli());

        // a minute after the stored access: written, and the expiry moves with it
        S later = sessions.findById(id);
        Instant minuteLater = Instant.ofEpochMilli(afterLogin).plus(SessionWrites.ACCESS_RESOLUTION);
        later.setLastAccessedTime(minuteLater);
        sessions.save(later);
        assertThat(storedAccess(id)).isEqualTo(minuteLater.toEpochMilli());
        assertThat(jdbc.sql("select expiry_time from spring_session where session_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(minuteLater.plus(later.getMaxInactiveInterval()).toEpochMilli());
        assertThat(Duration.ofMillis(minuteLater.toEpochMilli() - start.toEpochMilli()))
                .isGreaterThanOrEqualTo(SessionWrites.ACCESS_RESOLUTION);
        sessions.deleteById(id);
    }
}
