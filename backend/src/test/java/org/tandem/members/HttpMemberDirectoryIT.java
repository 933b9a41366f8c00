package org.tandem.members;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.Eventually;
import org.tandem.support.FakeMemberSystem;
import org.tandem.support.HttpMemberDirectoryTest;

/**
 * The application with the insurer's member system as its directory (over real HTTP, a local server
 * speaking the contract): the picker searches it, a case keeps a copy of its member (its AI step and
 * case file never call the member system again), and a member system that is down, slow or refuses
 * Tandem is a French 503 on the member field with nothing stored.
 */
@HttpMemberDirectoryTest
class HttpMemberDirectoryIT {

    static final FakeMemberSystem SYSTEM = FakeMemberSystem.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        SYSTEM.mode(FakeMemberSystem.Mode.NORMAL)
                .add("H-1001", "Théo", "Garnier", "Pau", "1990-05-05")
                .add("H-1002", "Maëlys", "Garnier", "Tarbes", null);
    }

    @AfterEach
    void normal() {
        SYSTEM.mode(FakeMemberSystem.Mode.NORMAL);
    }

    private Api.Response file(String memberId, String subject) {
        return api.post(
                "alice",
                "/api/cases",
                Map.of(
                        "useCaseKey",
                        "reply-letter",
                        "memberId",
                        memberId,
                        "subject",
                        subject,
                        "message",
                        "Bonjour, pouvez-vous me confirmer la prise en charge de mon dégât des eaux ?"));
    }

    private long casesAbout(String subject) {
        return jdbc.sql("select count(*) from content_case where subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    @Test
    void thePickerSearchesTheMemberSystem() {
        JsonNode found = api.get("alice", "/api/members?q=garnier").body();
        assertThat(found).hasSize(2);
        assertThat(found.get(0).get("displayName").asText()).isIn("Théo Garnier", "Maëlys Garnier");
        assertThat(api.get("alice", "/api/members?q=H-1001")
                        .body()
                        .get(0)
                        .get("city")
                        .asText())
                .isEqualTo("Pau");
        SYSTEM.clearCalls();
        assertThat(api.get("alice", "/api/members?q=g").body()).isEmpty();
        assertThat(SYSTEM.calls())
                .as("one character: the member system is not asked")
                .isEmpty();
        // the demo's seeded members are not in this directory
        assertThat(api.get("alice", "/api/members?q=martin").body()).isEmpty();
    }

    @Test
    void aCaseKeepsACopyOfItsMemberThatItsAiStepAndCaseFileReadWhenTheMemberSystemIsDown() {
        Api.Response opened = file("H-1001", "Copie du sociétaire " + System.nanoTime());
        assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(201);
        long caseId = opened.body().get("id").asLong();
        assertThat(opened.body().get("memberName").asText()).isEqualTo("Théo Garnier");
        assertThat(jdbc.sql("select origin || ':' || last_name || ':' || birth_date from member where id = 'H-1001'")
                        .query(String.class)
                        .single())
                .isEqualTo("http:Garnier:1990-05-05");

        // from now on the member system fails: the case goes on from its copy
        SYSTEM.mode(FakeMemberSystem.Mode.SERVER_ERROR).clearCalls();
        JsonNode drafted = Eventually.await("the AI draft of case " + caseId, Duration.ofSeconds(60), () -> {
            JsonNode view = api.get("alice", "/api/cases/" + caseId).body();
            return "IN_REVIEW".equals(view.get("status").asText()) ? view : null;
        });
        assertThat(drafted.get("memberName").asText()).isEqualTo("Théo Garnier");
        assertThat(SYSTEM.calls())
                .as("nothing asked the member system after the case was opened")
                .isEmpty();

        // a new case refreshes the copy
        SYSTEM.mode(FakeMemberSystem.Mode.NORMAL).rename("H-1001", "Garnier-Lopez");
        assertThat(file("H-1001", "Copie rafraîchie " + System.nanoTime()).status())
                .isEqualTo(201);
        assertThat(jdbc.sql("select last_name from member where id = 'H-1001'")
                        .query(String.class)
                        .single())
                .isEqualTo("Garnier-Lopez");
        SYSTEM.rename("H-1001", "Garnier");
    }

    @Test
    void aMemberSystemThatIsDownSlowOrRefusingIsAFrench503OnTheMemberFieldAndNothingIsStored() {
        String subject = "Annuaire indisponible " + System.nanoTime();
        SYSTEM.mode(FakeMemberSystem.Mode.SERVER_ERROR);
        Api.Response down = file("H-1002", subject);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body().get("message").asText())
                .isEqualTo("L'annuaire des sociétaires est en erreur (HTTP 503). Votre saisie est conservée :"
                        + " réessayez dans un instant.");
        assertThat(down.body().get("fieldErrors").get("memberId").asText())
                .isEqualTo(down.body().get("message").asText());
        Api.Response picker = api.get("alice", "/api/members?q=garnier");
        assertThat(picker.status()).isEqualTo(503);
        assertThat(picker.body().get("message").asText()).startsWith("L'annuaire des sociétaires est en erreur");

        SYSTEM.mode(FakeMemberSystem.Mode.SLOW).slowMillis(4_000);
        long start = System.nanoTime();
        Api.Response slow = file("H-1002", subject);
        assertThat(slow.status()).isEqualTo(503);
        assertThat(slow.body().get("message").asText())
                .startsWith("L'annuaire des sociétaires n'a pas répondu dans les 1,5 s.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));

        SYSTEM.mode(FakeMemberSystem.Mode.UNAUTHORIZED);
        assertThat(file("H-1002", subject).body().get("message").asText())
                .startsWith("L'annuaire des sociétaires refuse l'accès de Tandem (HTTP 401)");

        assertThat(casesAbout(subject)).as("no case stored").isZero();
        assertThat(jdbc.sql("select count(*) from member where id = 'H-1002'")
                        .query(Long.class)
                        .single())
                .as("no copy stored")
                .isZero();

        SYSTEM.mode(FakeMemberSystem.Mode.NORMAL);
        assertThat(file("H-1002", subject).status())
                .as("the same request, once it answers")
                .isEqualTo(201);
        assertThat(casesAbout(subject)).isEqualTo(1);
        Api.Response unknown = file("H-9999", subject);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("message").asText()).isEqualTo("Le sociétaire « H-9999 » est introuvable.");
    }

    @Test
    void theAdministratorSeesTheConnectionChecksItAndCannotImportACsvIntoIt() {
        JsonNode status = api.get("admin", "/api/admin/members/directory").body();
        assertThat(status.get("kind").asText()).isEqualTo("HTTP");
        assertThat(status.get("baseUrl").asText()).isEqualTo(SYSTEM.baseUrl().toString());
        assertThat(status.get("authentication").asText()).isEqualTo("BEARER");
        assertThat(status.get("timeoutMs").asLong()).isEqualTo(1500);
        assertThat(status.get("importAllowed").asBoolean()).isFalse();
        assertThat(status.toString()).doesNotContain(FakeMemberSystem.TOKEN);

        assertThat(api.post("admin", "/api/admin/members/directory/check", "")
                        .body()
                        .get("reachable")
                        .asBoolean())
                .isTrue();
        SYSTEM.mode(FakeMemberSystem.Mode.FORBIDDEN);
        JsonNode refused =
                api.post("admin", "/api/admin/members/directory/check", "").body();
        assertThat(refused.get("reachable").asBoolean()).isFalse();
        assertThat(refused.get("message").asText())
                .isEqualTo("L'annuaire des sociétaires refuse l'accès de Tandem (HTTP 403) : l'administrateur doit"
                        + " vérifier ses identifiants.");

        Api.Response csv = api.upload(
                "admin",
                "/api/admin/members/import",
                "s.csv",
                "text/csv",
                "id;firstName;lastName\nX-1;A;B\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(csv.status()).isEqualTo(409);
        assertThat(csv.body().get("message").asText())
                .startsWith("L'annuaire configuré est le système des sociétaires");
    }
}
