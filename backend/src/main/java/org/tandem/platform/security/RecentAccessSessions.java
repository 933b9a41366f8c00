package org.tandem.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The sessions the HTTP filter reads and saves: a request's access reaches the stored session only when the
 * stored access is {@link SessionWrites#ACCESS_RESOLUTION} old or when the request changes something else in it, so
 * an ordinary request reads its session and writes nothing; Spring Session opened a transaction and sent an update
 * (made a no-op by {@link SessionWrites#UPDATE_SESSION}) after each one, four per content case (issue 18). Within
 * a request ({@link #oneReadPerRequest}) a session is read once: Spring Session commits a session twice, when the
 * response is committed and when its filter ends, and the second commit read the session again (a select and the
 * row's decoding per request).
 */
final class RecentAccessSessions implements FindByIndexNameSessionRepository<Session> {

    private final FindByIndexNameSessionRepository<Session> sessions;
    private final Duration resolution;
    /** The sessions the current request has read, by the id it asked for; none outside a request. */
    private final ThreadLocal<Map<String, Session>> requestReads = new ThreadLocal<>();

    @SuppressWarnings("unchecked")
    RecentAccessSessions(FindByIndexNameSessionRepository<? extends Session> sessions, Duration resolution) {
        this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
        this.resolution = resolution;
    }

    @Override
    public Session createSession() {
        return new Accessed(sessions.createSession(), Duration.ZERO);
    }

    @Override
    public void save(Session session) {
        sessions.save(session instanceof Accessed accessed ? accessed.stored : session);
    }

    /** Opens a request's scope on this thread: until it is closed, a session read once is not read again. */
    RequestScope oneReadPerRequest() {
        Map<String, Session> outer = requestReads.get();
        requestReads.set(new HashMap<>(2));
        return () -> {
            if (outer == null) {
                requestReads.remove();
            } else {
                requestReads.set(outer);
            }
        };
    }

    /** A request's scope, closed when the request ends. */
    interface RequestScope extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public Session findById(String id) {
        Map<String, Session> read = requestReads.get();
        Session known = read == null ? null : read.get(id);
        if (known != null && known.getId().equals(id)) {
            return known;
        }
        Session found = sessions.findById(id);
        if (found == null) {
            return null;
        }
        Session accessed = new Accessed(found, resolution);
        if (read != null) {
            read.put(id, accessed);
        }
        return accessed;
    }

    @Override
    public void deleteById(String id) {
        Map<String, Session> read = requestReads.get();
        if (read != null) {
            read.remove(id);
        }
        sessions.deleteById(id);
    }

    @Override
    public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Session> found = new LinkedHashMap<>();
        sessions.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new Accessed(session, resolution)));
        return found;
    }

    /**
     * A stored session whose last access is kept here while it stays within the resolution of the stored one; any
     * other change passes the latest access on first, so the row written then holds it.
     */
    static final class Accessed implements Session {

        private final Session stored;
        private final Duration resolution;
        private Instant lastAccess;

        Accessed(Session stored, Duration resolution) {
            this.stored = stored;
            this.resolution = resolution;
            this.lastAccess = stored.getLastAccessedTime();
        }

        private void passAccessOn() {
            if (!lastAccess.equals(stored.getLastAccessedTime())) {
                stored.setLastAccessedTime(lastAccess);
            }
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            lastAccess = lastAccessedTime;
            if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(resolution) >= 0) {
                passAccessOn();
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return lastAccess;
        }

        @Override
        public boolean isExpired() {
            Duration idle = getMaxInactiveInterval();
            return !idle.isNegative() && !Instant.now().minus(idle).isBefore(lastAccess);
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            passAccessOn();
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            passAccessOn();
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            passAccessOn();
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            passAccessOn();
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }
    }
}
