package org.tandem.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.tandem.support.TandemIntegrationTest;

/** A session's row is rewritten when something but a recent access changed, not on every request. */
@TandemIntegrationTest
class SessionWritesIT {

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Autowired
    JdbcClient jdbc;

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
