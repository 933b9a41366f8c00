package org.tandem.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions that append to one case's chain at the same time take turns: the lock and the read of
 * the last entry are one call (issue 18), and the read must still see what the lock's previous holder
 * committed, or two entries would claim the same place in the chain.
 */
class AuditTrailConcurrencyIT {

    private static final long CASE_ID = 4242L;

    @Test
    void concurrentTransactionsAppendToOneChainInTurn() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            Flyway.configure()
                    .dataSource(db)
                    .locations("classpath:db/migration")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            AuditTrail trail = AuditTrails.over(db);
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(db));
            int writers = 8;
            int transactionsEach = 20;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            try {
                for (int w = 0; w < writers; w++) {
                    String actor = "writer-" + w;
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int n = 0; n < transactionsEach; n++) {
                            int step = n;
                            // two appends in one transaction, as a decision and its display are recorded
                            transaction.executeWithoutResult(status -> {
                                trail.append(CASE_ID, actor, AuditType.DRAFT_DISPLAYED, Map.of("step", step));
                                trail.append(
                                        CASE_ID,
                                        actor,
                                        AuditType.REVIEW_DECISION,
                                        Map.of("step", step),
                                        Map.of("reason", "texte " + step));
                            });
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            AuditTrail.Verification chain = trail.verify(CASE_ID);
            assertThat(chain.valid()).isTrue();
            assertThat(chain.entries()).isEqualTo(writers * transactionsEach * 2);
            // each transaction's two entries sit side by side: nobody slipped in between them
            List<AuditEvent> events = trail.chain(CASE_ID);
            for (int i = 0; i < events.size(); i += 2) {
                assertThat(events.get(i + 1).actor()).isEqualTo(events.get(i).actor());
                assertThat(events.get(i + 1).details()).isEqualTo(events.get(i).details());
            }
        }
    }
}
