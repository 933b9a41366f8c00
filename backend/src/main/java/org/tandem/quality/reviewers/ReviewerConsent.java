package org.tandem.quality.reviewers;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.platform.time.EngineClock;

/**
 * A reviewer's own choice to let managers see their individual figures (proposal 15). Without it — the
 * default — managers see them only within their team's figures.
 */
@Component
public class ReviewerConsent {

    private final JdbcClient jdbc;

    ReviewerConsent(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean shares(String username) {
        return jdbc.sql("select share from reviewer_consent where username = ?")
                .param(username)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public void set(String username, boolean share) {
        jdbc.sql("""
                        insert into reviewer_consent (username, share, updated_at) values (?, ?, ?)
                        on conflict (username) do update set share = excluded.share, updated_at = excluded.updated_at""").params(username, share, EngineClock.now()).update();
    }

    /** Among {@code people}, those who share. */
    public Set<String> sharing(List<String> people) {
        if (people.isEmpty()) {
            return Set.of();
        }
        return new TreeSet<>(jdbc.sql("select username from reviewer_consent where share and username in (:people)")
                .param("people", people)
                .query(String.class)
                .list());
    }
}
