package org.tandem.governance;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which cases ask the one-question comfort survey: one in N of the cases of a running experiment
 * (pilot or control entity), N set per experiment. Drawn from the case id, so the answer is the
 * same on every screen and node, and a test can predict it; asking after every task would tire
 * people and bias the answers towards those who like answering.
 */
@Component
public class SurveySampling {

    public static final int DEFAULT_ONE_IN = 5;

    private final JdbcClient jdbc;

    SurveySampling(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the people who worked this case are asked the comfort question. */
    public boolean asks(long caseId, String useCaseKey, String entityCode) {
        return rate(useCaseKey, entityCode).map(oneIn -> drawn(caseId, oneIn)).orElse(false);
    }

    /** The sampling rate (one in N) of the running experiment the case belongs to, if any. */
    Optional<Integer> rate(String useCaseKey, String entityCode) {
        if (useCaseKey == null || entityCode == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select p.survey_one_in from genai_project p
                        join experiment_entity e on e.project_id = p.id
                        where p.use_case_key = ? and e.entity_code = ? and p.stage = 'EXPERIMENT'
                        order by p.id desc limit 1""").params(useCaseKey, entityCode).query(Integer.class).optional();
    }

    /** One case in {@code oneIn}, mixed (SplitMix64) so consecutive ids do not fall in a pattern. */
    public static boolean drawn(long caseId, int oneIn) {
        if (oneIn <= 1) {
            return true;
        }
        long z = caseId + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return Math.floorMod(z, (long) oneIn) == 0;
    }
}
