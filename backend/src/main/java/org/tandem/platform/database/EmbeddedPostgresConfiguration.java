package org.tandem.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With no {@code spring.datasource.url}, Tandem starts a real PostgreSQL server (zonky: the
 * PostgreSQL binaries from Maven) whose data lives in a local folder, so a first run needs
 * nothing installed and the data survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * Starts the server as soon as the bean definitions are read, beside the rest of the start (about a
     * second); it stops with the context, after every bean that uses it.
     */
    @Bean
    static BeanFactoryPostProcessor embeddedPostgresEarlyStart(Environment environment) {
        return beanFactory -> {
            EarlyStart start = new EarlyStart(CompletableFuture.supplyAsync(() -> start(
                    environment.getProperty("tandem.embedded-db.data-dir", ""),
                    environment.getProperty("tandem.embedded-db.port", Integer.class, 0))));
            beanFactory.registerSingleton("embeddedPostgresStart", start);
            ((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean("embeddedPostgresStart", start);
        };
    }

    /** The server being started; closed when the context closes, even if nothing took it. */
    record EarlyStart(CompletableFuture<EmbeddedPostgres> server) implements DisposableBean {
        @Override
        public void destroy() throws IOException {
            // closing it from test callbacks hung surefire: it closes with the context
            if (!server.isCompletedExceptionally()) {
                server.join().close();
            }
        }
    }

    @Bean(destroyMethod = "")
    EmbeddedPostgres embeddedPostgres(EarlyStart start) {
        try {
            return start.server().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static EmbeddedPostgres start(String dataDir, int port) {
        try {
            boolean temporary = !StringUtils.hasText(dataDir);
            Path dir = temporary
                    ? Files.createTempDirectory("tandem-pg-")
                    : Path.of(dataDir).toAbsolutePath().normalize();
            Files.createDirectories(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(temporary)
                    .setServerConfig("max_connections", "100")
                    // zonky turns synchronous commit off for speed: a kill then loses commits already
                    // acknowledged (the crash campaign lost 3 filed cases of 578). Kept data must be durable.
                    .setServerConfig("synchronous_commit", temporary ? "off" : "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dir);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        config.setPoolName("tandem-embedded");
        return new HikariDataSource(config);
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
