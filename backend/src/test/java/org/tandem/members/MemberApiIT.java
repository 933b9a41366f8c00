package org.tandem.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/** The member search of the request form on PostgreSQL: by name, number or city, as advisers and experts type it. */
@TandemIntegrationTest
class MemberApiIT {

    /** Ids of the members a test adds (member ids are at most 32 characters). */
    static final String PREFIX = "T-MB-" + (System.nanoTime() % 1_000_000) + "-";

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberRepository members;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @AfterEach
    void removeTestMembers() {
        jdbc.sql("delete from member where id like ?").param(PREFIX + "%").update();
    }

    private JsonNode search(String user, String q) {
        // MockMvc encodes the query itself, as a browser would
        Api.Response response = api.get(user, "/api/members?q=" + q);
        assertThat(response.status()).as(q).isEqualTo(200);
        return response.body();
    }

    private List<String> ids(String q) {
        List<String> ids = new ArrayList<>();
        search("alice", q).forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    private Member member(String suffix, String firstName, String lastName, String city) {
        Member m = new Member(PREFIX + suffix, firstName, lastName, null, null, null, null, city, null);
        members.insertIfAbsent(m);
        return m;
    }

    @Test
    void advisersAndExpertsSearchOthersMayNot() {
        assertThat(api.get("alice", "/api/members?q=martin").status()).isEqualTo(200);
        assertThat(api.get("bob", "/api/members?q=martin").status()).isEqualTo(200);
        for (String user : List.of("marc", "diane", "rachel", "portal")) {
            Api.Response refused = api.get(user, "/api/members?q=martin");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.body().get("message").asText()).isEqualTo("Vous n'avez pas accès à cette ressource.");
        }
        assertThat(api.get(null, "/api/members?q=martin").status()).isEqualTo(401);
    }

    @Test
    void aMemberIsFoundByNameWhateverTheCaseAndTheFormShowsOnlyWhatItNeeds() {
        JsonNode found = search("alice", "martin");
        assertThat(found).hasSize(1);
        JsonNode camille = found.get(0);
        assertThat(camille.get("id").asText()).isEqualTo("M-1001");
        assertThat(camille.get("displayName").asText()).isEqualTo("Camille Martin");
        assertThat(camille.get("city").asText()).isEqualTo("Niort");
        assertThat(camille.size())
                .as("no e-mail, address or policy in the list")
                .isEqualTo(3);

        assertThat(ids("CAMILLE")).containsExactly("M-1001");
        assertThat(ids("camille martin")).containsExactly("M-1001");
        assertThat(ids("  Martin  ")).as("spaces around are dropped").containsExactly("M-1001");
        assertThat(ids("martin camille")).as("first name first").isEmpty();
    }

    @Test
    void aMemberIsFoundByNumberOrCity() {
        assertThat(ids("m-1004")).containsExactly("M-1004");
        assertThat(ids("rochelle")).containsExactly("M-1003");
        assertThat(ids("ANGOUL")).containsExactly("M-1004");
        assertThat(ids("AUTO-2024-118734"))
                .as("the policy number is not searched")
                .isEmpty();
    }

    @Test
    void accentsMustBeTypedAsTheyAreWritten() {
        assertThat(ids("Lefèvre")).containsExactly("M-1003");
        assertThat(ids("lefevre")).as("no accent folding").isEmpty();
        assertThat(ids("angouleme")).isEmpty();
    }

    @Test
    void anAccentedCapitalIsFoundWhenTheDatabaseLowersIt() {
        // lower() of a capital É depends on the database's LC_CTYPE: a UTF-8 locale lowers it, C does not
        String ctype = jdbc.sql("select datctype from pg_database where datname = current_database()")
                .query(String.class)
                .single();
        assumeTrue(!ctype.equals("C") && !ctype.equals("POSIX"), "database LC_CTYPE " + ctype);
        assertThat(ids("ÉLODIE")).containsExactly("M-1005");
    }

    @Test
    void anEmptyQueryListsTheMembersByLastNameTwentyAtMost() {
        assertThat(ids(""))
                .containsSubsequence("M-1002", "M-1004", "M-1003", "M-1001", "M-1005")
                .hasSizeLessThanOrEqualTo(20);
        for (int i = 0; i < 25; i++) {
            member(String.format("%02d", i), "Prénom", String.format("Nom%02d", 24 - i), "Testville" + PREFIX);
        }
        List<String> page = ids("testville" + PREFIX.toLowerCase());
        assertThat(page).hasSize(20);
        assertThat(page.get(0)).as("Nom00 first").isEqualTo(PREFIX + "24");
        assertThat(members.search("testville" + PREFIX.toLowerCase(), 3)).hasSize(3);
    }

    @Test
    void percentAndUnderscoreAreLettersNotWildcards() {
        assertThat(ids("m-100")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(ids("m-100_")).isEmpty();
        assertThat(ids("%")).isEmpty();
        member("pct", "Remise", "Cent%", "Brest");
        assertThat(ids("cent%")).containsExactly(PREFIX + "pct");
    }

    @Test
    void onlyTheFirstHundredCharactersOfAQueryAreSearched() {
        String first = "A".repeat(60);
        String last = "B".repeat(60);
        member("long", first, last, "Quimper");
        String fullName = first + " " + last;
        assertThat(ids(fullName)).containsExactly(PREFIX + "long");
        // what comes after the hundredth character does not count
        assertThat(ids(fullName.substring(0, 100) + " et la suite")).containsExactly(PREFIX + "long");
        assertThat(ids(fullName.substring(0, 99) + "Z")).isEmpty();
    }

    @Test
    void aLongQueryIsTrimmedBeforeItIsCut() {
        assertThat(ids("martin" + " ".repeat(10))).containsExactly("M-1001");
        assertThat(ids("martin" + " ".repeat(100))).containsExactly("M-1001");
    }

    @Test
    void theRepositoryFindsByIdAndNeverOverwritesAMember() {
        Member first = member("keep", "Anne", "Durand", "Brest");
        members.insertIfAbsent(
                new Member(first.id(), "Autre", "Personne", LocalDate.of(1990, 1, 1), null, null, null, "Paris", null));
        assertThat(members.findById(first.id())).contains(first);
        assertThat(members.findById("M-0000")).isEmpty();
    }
}
