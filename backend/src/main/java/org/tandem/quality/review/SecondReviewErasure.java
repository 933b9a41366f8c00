package org.tandem.quality.review;

import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.platform.erasure.ErasureContributor;

/**
 * The quality loop's part of an erasure (issue 16): the free comment of a second review may quote the
 * member. The verdict, its reasons and who gave it stay: the agreement figures read them.
 */
@Component
class SecondReviewErasure implements ErasureContributor {

    private final JdbcClient jdbc;

    SecondReviewErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "quality loop";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public int eraseCases(Set<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update second_review set comment = null where case_id = any(?) and comment is not null")
                .param((Object) caseIds.toArray(Long[]::new))
                .update();
    }
}
