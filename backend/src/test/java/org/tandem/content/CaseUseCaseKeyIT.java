package org.tandem.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.support.TandemIntegrationTest;

/** A case's use case is read once, then remembered: the steps that only need it do not read the row again. */
@TandemIntegrationTest
class CaseUseCaseKeyIT {

    @Autowired
    JdbcClient jdbc;

    private long insertedBy(CaseRepository cases) {
        OffsetDateTime now = OffsetDateTime.now();
        return cases.insert(
                "reply-letter",
                "v1",
                "M-1001",
                "Cle-" + UUID.randomUUID().toString().substring(0, 8),
                "Bonjour.",
                "alice",
                now,
                now.plusDays(10));
    }

    @Test
    void aCasesUseCaseIsReadOnceThenRemembered() {
        long id = insertedBy(new CaseRepository(jdbc));
        CaseRepository other = new CaseRepository(jdbc);
        assertThat(other.useCaseKeyOf(id)).contains("reply-letter");
        // changed behind its back (nothing in Tandem does: a case keeps its use case): the remembered key stays,
        // which shows the second call did not read the row
        jdbc.sql("update content_case set use_case_key = 'member-chatbot' where id = ?")
                .param(id)
                .update();
        assertThat(other.useCaseKeyOf(id)).contains("reply-letter");
        assertThat(new CaseRepository(jdbc).useCaseKeyOf(id)).contains("member-chatbot");
        jdbc.sql("update content_case set use_case_key = 'reply-letter' where id = ?")
                .param(id)
                .update();
    }

    @Test
    void theRowReadWholeTeachesItsUseCaseAndAMissingCaseHasNone() {
        long id = insertedBy(new CaseRepository(jdbc));
        CaseRepository cases = new CaseRepository(jdbc);
        assertThat(cases.findById(id)).isPresent();
        jdbc.sql("update content_case set use_case_key = 'member-chatbot' where id = ?")
                .param(id)
                .update();
        assertThat(cases.useCaseKeyOf(id)).contains("reply-letter");
        assertThat(cases.useCaseKeyOf(Long.MAX_VALUE)).isEmpty();
        jdbc.sql("update content_case set use_case_key = 'reply-letter' where id = ?")
                .param(id)
                .update();
    }
}
