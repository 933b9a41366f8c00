package org.tandem.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.tandem.support.TandemIntegrationTest;

/**
 * A delivery job holds the engine's connection and commits « sent » on a second one: with no more connections than
 * job threads, ten deliveries at once held the whole pool of a node over JDBC and each waited 30 s for another
 * (the two-node check, 2026-12-06). Both pools — the one a node over JDBC builds from the settings, the embedded
 * database's — outnumber the job executor's threads.
 */
@TandemIntegrationTest
class ConnectionPoolIT {

    @Autowired
    Environment environment;

    @Autowired
    CamundaBpmProperties camunda;

    @Autowired
    DataSource dataSource;

    @Test
    void thePoolsOutnumberTheJobThreads() throws java.sql.SQLException {
        int jobThreads = camunda.getJobExecution().getMaxPoolSize();
        assertThat(jobThreads).isPositive();
        assertThat(environment.getRequiredProperty("spring.datasource.hikari.maximum-pool-size", Integer.class))
                .as("the pool of a node over JDBC")
                .isGreaterThan(jobThreads);
        assertThat(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize())
                .as("the embedded database's pool")
                .isGreaterThan(jobThreads);
    }
}
