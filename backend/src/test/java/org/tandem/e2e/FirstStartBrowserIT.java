package org.tandem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.platform.provenance.ProvenanceKeys;
import org.tandem.support.FrenchDocuments;
import org.tandem.support.TestMailAndKeys;

/**
 * A first start outside the demo (issue 14), in Chromium (frontend/e2e/first-start-path.mjs): the
 * application without the demo profile, on a database of its own that starts empty, with nothing set but
 * the first administrator's password (tandem.bootstrap-admin.password, what TANDEM_ADMIN_PASSWORD sets;
 * the test profile only points it at the embedded PostgreSQL and the offline drafter): no mail server and no
 * provenance key either ({@link TestMailAndKeys#AS_INSTALLED}). From the screens
 * alone the administrator opens people's accounts, creates the organisation, places people, imports the
 * members and reads a document into the knowledge base; the meeting report, refused while no project
 * governs it, opens in the pilot agency through its project's lifecycle, and the adviser's first case is
 * filed there. The context is closed after: no other test shares its database.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.bootstrap-admin.password=" + FirstStartBrowserIT.ADMIN_PASSWORD,
            TestMailAndKeys.AS_INSTALLED + "=true"
        })
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FirstStartBrowserIT {

    static final String ADMIN_PASSWORD = "Premier-Demarrage-2025";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProvenanceKeys provenanceKeys;

    @Autowired
    HealthEndpoint health;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void anAdministratorSetsAnEmptyInstallationUpAndOpensAFirstUseCaseFromTheScreens() throws Exception {
        // the database is empty: the administrator alone, no entity, member, document, idea or case
        assertThat(jdbc.sql("select id_ from act_id_user").query(String.class).list())
                .containsExactly("admin");
        assertThat(count("select count(*) from business_entity")).isZero();
        assertThat(count("select count(*) from user_entity")).isZero();
        assertThat(count("select count(*) from member")).isZero();
        assertThat(count("select count(*) from knowledge_document")).isZero();
        assertThat(count("select count(*) from genai_project")).isZero();
        assertThat(count("select count(*) from use_case_entity")).isZero();
        assertThat(count("select count(*) from use_case_opening")).isZero();
        assertThat(count("select count(*) from content_case")).isZero();
        // started without a key or a mail server: the first start made the signing key and kept it
        assertThat(count("select count(*) from provenance_signing_key")).isEqualTo(1);
        assertThat(jdbc.sql("select kid from provenance_key")
                        .query(String.class)
                        .list())
                .containsExactly(provenanceKeys.currentKeyId());

        Path dir = Files.createTempDirectory("e2e-first-start-");
        Path docx = Files.write(dir.resolve("reclamations.docx"), FrenchDocuments.complaintsDocx());
        BrowserScenario.run(
                port,
                "first-start-path.mjs",
                360,
                Map.of("ADMIN_PASSWORD", ADMIN_PASSWORD, "KNOWLEDGE_DOCX", docx.toString()));

        // what the screens did, as the database has it
        assertThat(jdbc.sql("select group_id_ from act_id_membership where user_id_ = 'lea-martin'")
                        .query(String.class)
                        .list())
                .containsExactly("advisers");
        assertThat(jdbc.sql("select entity_code from user_entity where username = 'manon-roux'")
                        .query(String.class)
                        .single())
                .isEqualTo("agence-brest");
        assertThat(jdbc.sql("""
                        select mode from use_case_entity
                        where use_case_key = 'meeting-report' and entity_code = 'agence-brest'""").query(String.class).single()).isEqualTo("AI");
        assertThat(count("select count(*) from use_case_opening"))
                .as("opened by its project, not by an administrator")
                .isZero();
        assertThat(jdbc.sql("select entity_code from content_case")
                        .query(String.class)
                        .list())
                .containsExactly("agence-brest");
        assertThat(count("select count(*) from member")).isEqualTo(2);
        assertThat(count("select count(*) from knowledge_passage p join knowledge_document d on d.id = p.document_id"
                        + " where d.reference = 'PROC-RECLAMATIONS'"))
                .isPositive();
        // no mail server: the delivery health says so (contents would wait « à envoyer »), the node is ready
        assertThat(health.healthForPath("delivery").getStatus()).isEqualTo(Status.DOWN);
        assertThat(((Health) health.healthForPath("delivery")).getDetails().get("transport"))
                .asString()
                .contains("non configuré");
        assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
    }
}
