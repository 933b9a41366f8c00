package org.tandem.content;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;

@Repository
public class DisclosureRepository {

    private final JdbcClient jdbc;

    DisclosureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case id is the idempotency key: a retried or re-run disclosure never makes a second one. */
    Optional<Disclosure> insertOnce(Disclosure d, String kind) {
        return jdbc.sql("""
                        insert into disclosure (case_id, kind, category, label, cite_sources, marker, disclosed_text,
                                                channel, digital_source_type, content_sha256, provenance)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id, kind) do nothing
                        returning *""")
                .params(
                        d.caseId(),
                        kind,
                        d.category(),
                        d.label(),
                        d.citeSources(),
                        d.marker(),
                        d.disclosedText(),
                        d.channel(),
                        d.digitalSourceType(),
                        d.contentSha256(),
                        d.provenance())
                .query(Rows.of(Disclosure.class))
                .optional();
    }

    /** The latest disclosure of the case (an adviser's answer comes after the chatbot's). */
    public Optional<Disclosure> find(long caseId) {
        return jdbc.sql("select * from disclosure where case_id = ? order by disclosed_at desc, id desc limit 1")
                .param(caseId)
                .query(Rows.of(Disclosure.class))
                .optional();
    }

    /** The latest disclosure whose canonical text has this SHA-256 (public verification by text). */
    public Optional<Disclosure> findByContentHash(String sha256) {
        return jdbc.sql("""
                        select * from disclosure where content_sha256 = ? and provenance is not null
                        order by disclosed_at desc, id desc limit 1""").param(sha256).query(Rows.of(Disclosure.class)).optional();
    }

    public Optional<Disclosure> find(long caseId, String kind) {
        return jdbc.sql("select * from disclosure where case_id = ? and kind = ?")
                .params(caseId, kind)
                .query(Rows.of(Disclosure.class))
                .optional();
    }
}
