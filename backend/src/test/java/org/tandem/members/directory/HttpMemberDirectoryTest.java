package org.tandem.members.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.members.Member;
import org.tandem.members.MemberDirectoryUnavailable;
import org.tandem.members.MemberDirectoryUnavailable.Reason;
import org.tandem.support.FakeMemberSystem;

/** The member system's connector against a local server that speaks the contract of docs/members.md, errors included. */
class HttpMemberDirectoryTest {

    static FakeMemberSystem system;

    @BeforeAll
    static void start() {
        system = new FakeMemberSystem()
                .add("S-2001", "Léa", "Durand", "Niort", "1985-04-02")
                .add("S-2002", "Hugo", "Durand", "Poitiers", null)
                .add("S-2003", "Inès", "Durandal", "Angers", "1990-12-31")
                .add("S-3001", "Marc", "Petit", "Tours", "1972-07-14");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @BeforeEach
    void normal() {
        system.mode(FakeMemberSystem.Mode.NORMAL).clearCalls();
    }

    private static HttpMemberDirectory directory(URI base, String token, Duration timeout) {
        return new HttpMemberDirectory(
                new MembersProperties.Http(base, token, null, null, timeout, Duration.ofSeconds(1)),
                new ObjectMapper());
    }

    private static HttpMemberDirectory directory() {
        return directory(system.baseUrl(), FakeMemberSystem.TOKEN, Duration.ofMillis(800));
    }

    @Test
    void foundByNumberWithEveryFieldOfTheContractAndTheBearerToken() {
        Member lea = directory().find("S-2001").orElseThrow();
        assertThat(lea)
                .isEqualTo(new Member(
                        "S-2001",
                        "Léa",
                        "Durand",
                        LocalDate.of(1985, 4, 2),
                        "léa.durand@example.org",
                        "05 49 00 00 00",
                        "1 rue du Test",
                        "Niort",
                        "HAB-S-2001"));
        assertThat(system.calls()).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/api/v1/members/S-2001");
            assertThat(call.authorization()).isEqualTo("Bearer " + FakeMemberSystem.TOKEN);
        });
    }

    @Test
    void notFoundIsEmptyNeverAnError() {
        assertThat(directory().find("S-9999")).isEmpty();
    }

    @Test
    void severalFoundByNameAreAllListedUpToTheLimitAndTheTextIsEncoded() {
        assertThat(directory().search("durand", 20))
                .extracting(Member::id)
                .containsExactlyInAnyOrder("S-2001", "S-2002", "S-2003");
        assertThat(directory().search("durand", 2)).hasSize(2);
        assertThat(directory().search("Léa Durand", 20)).extracting(Member::id).containsExactly("S-2001");
        assertThat(system.calls().get(system.calls().size() - 1).query()).isEqualTo("q=L%C3%A9a%20Durand&limit=20");
        assertThat(directory().search("S-30", 20)).extracting(Member::id).containsExactly("S-3001");
    }

    @Test
    void aSearchOfLessThanTwoCharactersDoesNotAskTheMemberSystem() {
        assertThat(directory().search("d", 20)).isEmpty();
        assertThat(directory().search("", 20)).isEmpty();
        assertThat(system.calls()).isEmpty();
    }

    @Test
    void aSlowMemberSystemTimesOutWithinTheConfiguredTimeOut() {
        system.mode(FakeMemberSystem.Mode.SLOW).slowMillis(3_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> directory().search("durand", 20))
                .isInstanceOfSatisfying(MemberDirectoryUnavailable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
                    assertThat(e.getMessage())
                            .isEqualTo("L'annuaire des sociétaires n'a pas répondu dans les 0,8 s."
                                    + " Votre saisie est conservée : réessayez dans un instant.");
                    assertThat(e.status().value()).isEqualTo(503);
                    assertThat(e.field()).isEqualTo("memberId");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
        assertThatThrownBy(() -> directory().find("S-2001"))
                .isInstanceOfSatisfying(
                        MemberDirectoryUnavailable.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }

    @Test
    void wrongCredentialsAre401AndAMissingRightIs403BothRefused() {
        assertThatThrownBy(() -> directory(system.baseUrl(), "mauvais-jeton", Duration.ofSeconds(1))
                        .find("S-2001"))
                .isInstanceOfSatisfying(MemberDirectoryUnavailable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REFUSED);
                    assertThat(e.detail())
                            .isEqualTo("L'annuaire des sociétaires refuse l'accès de Tandem (HTTP 401) :"
                                    + " l'administrateur doit vérifier ses identifiants.");
                });
        system.mode(FakeMemberSystem.Mode.FORBIDDEN);
        assertThatThrownBy(() -> directory().search("durand", 20))
                .isInstanceOfSatisfying(MemberDirectoryUnavailable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REFUSED);
                    assertThat(e.detail()).contains("HTTP 403");
                });
    }

    @Test
    void aServerErrorIsAFailureNotAnEmptyResult() {
        system.mode(FakeMemberSystem.Mode.SERVER_ERROR);
        assertThatThrownBy(() -> directory().search("durand", 20))
                .isInstanceOfSatisfying(MemberDirectoryUnavailable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.FAILED);
                    assertThat(e.detail()).isEqualTo("L'annuaire des sociétaires est en erreur (HTTP 503).");
                });
        assertThatThrownBy(() -> directory().find("S-2001"))
                .isInstanceOfSatisfying(
                        MemberDirectoryUnavailable.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FAILED));
    }

    @Test
    void malformedJsonOrAMemberOutsideTheContractIsIllegibleNeverAHalfMember() {
        system.mode(FakeMemberSystem.Mode.MALFORMED_JSON);
        assertThatThrownBy(() -> directory().search("durand", 20))
                .isInstanceOfSatisfying(MemberDirectoryUnavailable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
                    assertThat(e.detail()).isEqualTo("L'annuaire des sociétaires a fait une réponse illisible.");
                });
        assertThatThrownBy(() -> directory().find("S-2001"))
                .isInstanceOfSatisfying(
                        MemberDirectoryUnavailable.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        system.mode(FakeMemberSystem.Mode.INCOMPLETE_MEMBER);
        assertThatThrownBy(() -> directory().search("durand", 20))
                .isInstanceOfSatisfying(
                        MemberDirectoryUnavailable.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        assertThatThrownBy(() -> directory().find("S-2001"))
                .isInstanceOfSatisfying(
                        MemberDirectoryUnavailable.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void anUnreachableMemberSystemSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpMemberDirectory unreachable =
                directory(URI.create("http://127.0.0.1:" + closedPort + "/api"), null, Duration.ofSeconds(1));
        assertThatThrownBy(() -> unreachable.search("durand", 20))
                .isInstanceOfSatisfying(MemberDirectoryUnavailable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                    assertThat(e.detail()).isEqualTo("L'annuaire des sociétaires est injoignable.");
                });
    }

    @Test
    void aHalfConfiguredConnectorRefusesToStart() {
        assertThatThrownBy(() -> directory(null, null, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TANDEM_MEMBERS_URL");
        assertThatThrownBy(() -> directory(URI.create("ftp://annuaire.example/"), null, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("http or https");
    }
}
