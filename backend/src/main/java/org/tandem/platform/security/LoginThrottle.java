package org.tandem.platform.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Limits failed logins per user name and per client address. The failures live in the shared
 * database (table login_failure), so the limit holds for the cluster, whichever node is asked.
 * A locked user name is refused even with the right password until the window has passed.
 */
@Component
public class LoginThrottle {

    enum Kind {
        USER,
        IP
    }

    private final JdbcClient jdbc;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;

    LoginThrottle(
            JdbcClient jdbc,
            @Value("${tandem.login.max-failures-per-user:5}") int maxPerUser,
            @Value("${tandem.login.max-failures-per-address:50}") int maxPerAddress,
            @Value("${tandem.login.window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    /** @return how long to wait, when this user name or this address has failed too often */
    public Optional<Duration> blocked(String username, String address) {
        Optional<Duration> user = wait(Kind.USER, normalise(username), maxPerUser);
        Optional<Duration> ip = address == null ? Optional.empty() : wait(Kind.IP, address, maxPerAddress);
        if (user.isPresent() && ip.isPresent()) {
            return Optional.of(user.get().compareTo(ip.get()) >= 0 ? user.get() : ip.get());
        }
        return user.isPresent() ? user : ip;
    }

    public void failed(String username, String address) {
        jdbc.sql("delete from login_failure where failed_at < now() - make_interval(secs => ?)")
                .param(window.toSeconds())
                .update();
        jdbc.sql("insert into login_failure (kind, subject) values (?, ?)")
                .params(Kind.USER.name(), normalise(username))
                .update();
        if (address != null) {
            jdbc.sql("insert into login_failure (kind, subject) values (?, ?)")
                    .params(Kind.IP.name(), address)
                    .update();
        }
    }

    /** A good password clears the user name's failures (not the address's). */
    public void succeeded(String username) {
        jdbc.sql("delete from login_failure where kind = ? and subject = ?")
                .params(Kind.USER.name(), normalise(username))
                .update();
    }

    private Optional<Duration> wait(Kind kind, String subject, int max) {
        // the failure whose leaving the window brings the count back under the limit
        Optional<OffsetDateTime> unlockingFailure = jdbc.sql("""
                        select failed_at from login_failure
                        where kind = ? and subject = ? and failed_at > now() - make_interval(secs => ?)
                        order by failed_at desc offset ? limit 1""")
                .params(kind.name(), subject, window.toSeconds(), max - 1)
                .query(OffsetDateTime.class)
                .optional();
        return unlockingFailure.map(at -> {
            Duration left = Duration.between(OffsetDateTime.now(), at.plus(window));
            return left.isNegative() ? Duration.ofSeconds(1) : left;
        });
    }

    private static String normalise(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 256 ? name.substring(0, 256) : name;
    }
}
