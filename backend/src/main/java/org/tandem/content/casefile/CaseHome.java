package org.tandem.content.casefile;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.content.ContentCase;
import org.tandem.platform.database.Rows;
import org.tandem.platform.erasure.ErasableCases;
import org.tandem.platform.security.Role;
import org.tandem.work.HomeSection;

/**
 * Content's sections of the home (issue 19): an adviser's requests still in progress, each opened on
 * its case page; the data protection officer's cases past their retention period, not erased yet.
 */
@Configuration
class CaseHome {

    private static final String OPEN_STATUSES =
            "('DRAFTING', 'HAND_DRAFTING', 'IN_REVIEW', 'EDITING', 'AWAITING_APPROVAL', 'TO_SEND', 'VERIFYING')";

    @Bean
    HomeSection requestsInProgress(JdbcClient jdbc) {
        return user -> {
            if (!user.has(Role.ADVISER)) {
                return Optional.empty();
            }
            long count = jdbc.sql(
                            "select count(*) from content_case where requested_by = ? and status in " + OPEN_STATUSES)
                    .param(user.username())
                    .query(Long.class)
                    .single();
            List<HomeSection.HomeItem> items = jdbc
                    .sql("select * from content_case where requested_by = ? and status in " + OPEN_STATUSES
                            + " order by created_at asc, id asc limit ?")
                    .params(user.username(), HomeSection.FIRST)
                    .query(Rows.of(ContentCase.class))
                    .list()
                    .stream()
                    .map(c -> new HomeSection.HomeItem(c.subject(), "n° " + c.id(), "/cases/" + c.id(), null))
                    .toList();
            return Optional.of(new HomeSection.HomeEntry("cases.inProgress", 15, count, "/cases", items));
        };
    }

    @Bean
    HomeSection casesDueForErasure(ErasableCases cases) {
        return user -> {
            if (!user.has(Role.DPO)) {
                return Optional.empty();
            }
            int count = cases.dueForErasure(OffsetDateTime.now(), 1000).size();
            return Optional.of(new HomeSection.HomeEntry("privacy.due", 60, count, "/privacy", List.of()));
        };
    }
}
