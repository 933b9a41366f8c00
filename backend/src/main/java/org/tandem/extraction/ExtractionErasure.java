package org.tandem.extraction;

import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.platform.erasure.ErasureContributor;

/**
 * The extraction's part of an erasure (issue 16): the values the AI proposed and the person verified or
 * corrected, and the recorded values. The fields' names, labels, statuses and verifiers stay (how
 * many fields the AI got right is a KPI).
 */
@Component
class ExtractionErasure implements ErasureContributor {

    private final JdbcClient jdbc;

    ExtractionErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "extraction";
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
        Long[] ids = caseIds.toArray(Long[]::new);
        return jdbc.sql("update extraction_field set ai_value = null, value = null where case_id = any(?)")
                        .param(ids)
                        .update()
                + jdbc.sql("update extracted_record set value = '' where case_id = any(?)")
                        .param(ids)
                        .update();
    }
}
