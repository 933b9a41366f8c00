package org.tandem.disclosure;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DisclosureRepository {

    private final JdbcClient jdbc;

    DisclosureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case id is the idempotency key: a retried or re-run disclosure never makes a second one. */
    boolean insertOnce(Disclosure d) {
        return jdbc.sql("""
                        insert into disclosure (case_id, category, label, cite_sources, marker, disclosed_text)
                        values (?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing""")
                .params(d.caseId(), d.category(), d.label(), d.citeSources(), d.marker(), d.disclosedText())
                .update() == 1;
    }

    public Optional<Disclosure> find(long caseId) {
        return jdbc.sql("select * from disclosure where case_id = ?").param(caseId).query(Disclosure.class).optional();
    }
}
