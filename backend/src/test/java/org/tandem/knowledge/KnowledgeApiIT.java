package org.tandem.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.demo.DemoKnowledge;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/** /api/knowledge as the demo users: who may read, search and change documents, and the French refusals. */
@TandemIntegrationTest
class KnowledgeApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoKnowledge demoKnowledge;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private static Map<String, Object> document(String reference) {
        Map<String, Object> d = new HashMap<>();
        d.put("reference", reference);
        d.put("collection", "t-api");
        d.put("title", "Bris de glace");
        d.put(
                "body",
                "## Pare-brise\n\nUn impact de pare-brise est réparé sans franchise ; le remplacement coûte 75 euros de franchise.");
        d.put("owner", "bob");
        d.put("ownerGroup", "member-relations-experts");
        d.put("reviewIntervalDays", 365);
        return d;
    }

    private static List<String> references(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.get("reference").asText())
                .toList();
    }

    @Test
    void onlyAiReferentsAndAdministratorsChangeDocumentsEveryoneReadsThem() {
        assertThat(api.post("alice", "/api/knowledge/documents", document("T-API-01"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post("bob", "/api/knowledge/documents", document("T-API-01"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(null, "/api/knowledge/documents", document("T-API-01"))
                        .status())
                .isEqualTo(401);

        Api.Response created = api.post("rachel", "/api/knowledge/documents", document("T-API-01"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("document").get("version").asInt()).isEqualTo(1);
        assertThat(created.body().get("document").get("lastReviewedBy").asText())
                .isEqualTo("rachel");
        assertThat(created.body().get("document").get("stale").asBoolean()).isFalse();
        assertThat(created.body().get("passages").get(0).get("heading").asText())
                .isEqualTo("Pare-brise");

        Api.Response again = api.post("admin", "/api/knowledge/documents", document("T-API-01"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("message").asText()).contains("existe déjà");

        Map<String, Object> changed = document("T-API-01");
        changed.put("body", "## Pare-brise\n\nLe remplacement du pare-brise coûte désormais 60 euros de franchise.");
        Api.Response updated = api.put("admin", "/api/knowledge/documents/T-API-01", changed);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("document").get("version").asInt()).isEqualTo(2);
        assertThat(updated.body().get("passages").get(0).get("text").asText()).contains("60 euros");
        assertThat(api.put("alice", "/api/knowledge/documents/T-API-01", changed)
                        .status())
                .isEqualTo(403);

        // sources open for any signed-in person, e.g. the manager
        Api.Response opened = api.get("marc", "/api/knowledge/documents/T-API-01");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body().get("body").asText()).contains("60 euros");
        assertThat(references(api.get("alice", "/api/knowledge/documents?collection=t-api&q=franchise")
                        .body()))
                .containsExactly("T-API-01");
        Api.Response missing = api.get("alice", "/api/knowledge/documents/T-NOPE");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("message").asText()).isEqualTo("Le document « T-NOPE » n'existe pas.");
    }

    @Test
    void badInputIsRefusedWithAFrenchMessageOnTheField() {
        Map<String, Object> bad = document("mauvaise référence");
        Api.Response refused = api.post("rachel", "/api/knowledge/documents", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("fieldErrors").get("reference").asText())
                .startsWith("La référence ne contient que des majuscules");

        Map<String, Object> incomplete = document("T-API-02");
        incomplete.remove("title");
        incomplete.put("reviewIntervalDays", 0);
        Api.Response twoErrors = api.post("rachel", "/api/knowledge/documents", incomplete);
        assertThat(twoErrors.status()).isEqualTo(400);
        assertThat(twoErrors.body().get("fieldErrors").get("title").asText()).isEqualTo("Le titre est obligatoire.");
        assertThat(twoErrors.body().get("fieldErrors").get("reviewIntervalDays").asText())
                .isEqualTo("La périodicité de relecture est d'au moins 1 jour.");

        Map<String, Object> unknownOwner = document("T-API-03");
        unknownOwner.put("owner", "personne");
        Api.Response owner = api.post("rachel", "/api/knowledge/documents", unknownOwner);
        assertThat(owner.status()).isEqualTo(400);
        assertThat(owner.body().get("message").asText()).isEqualTo("L'utilisateur « personne » n'existe pas.");

        Map<String, Object> onlyHeadings = document("T-API-04");
        onlyHeadings.put("body", "## Titre\n\n### Sous-titre");
        assertThat(api.post("rachel", "/api/knowledge/documents", onlyHeadings)
                        .body()
                        .get("message")
                        .asText())
                .isEqualTo("Le document ne contient aucun texte en dehors de ses titres.");

        Api.Response noQuery = api.get("alice", "/api/knowledge/search?q=");
        assertThat(noQuery.status()).isEqualTo(400);
        assertThat(noQuery.body().get("message").asText())
                .isEqualTo("Saisissez une question ou des mots à rechercher.");
    }

    @Test
    void advisersSearchTheDemoCorpusWithSourcesAndStaleFlags() {
        demoKnowledge.load();
        assertThat(demoKnowledge.load()).as("loading twice adds nothing").isZero();

        assertThat(api.get("marc", "/api/knowledge/search?q=franchise").status())
                .isEqualTo(403);
        Api.Response found = api.get(
                "alice",
                "/api/knowledge/search?q=Mon voisin du dessus a une fuite, qui va payer les dégâts chez moi ?&collection=sinistres");
        assertThat(found.status()).isEqualTo(200);
        JsonNode first = found.body().get("passages").get(0);
        assertThat(first.get("reference").asText()).isEqualTo("SIN-DDE-01");
        assertThat(first.get("title").asText()).startsWith("Dégât des eaux");
        assertThat(first.get("heading").asText()).isNotBlank();
        assertThat(first.get("stale").asBoolean()).isFalse();
        assertThat(references(found.body().get("passages")))
                .allSatisfy(r -> assertThat(r).startsWith("SIN-"));

        Api.Response stale = api.get(
                "bob", "/api/knowledge/search?q=télétransmission carte de tiers payant&collection=produits&k=3");
        JsonNode sante = stale.body().get("passages").get(0);
        assertThat(sante.get("reference").asText()).isEqualTo("PROD-SANTE-02");
        assertThat(sante.get("stale").asBoolean()).isTrue();
        assertThat(stale.body().get("passages").size()).isLessThanOrEqualTo(3);

        JsonNode listed = api.get("alice", "/api/knowledge/documents?collection=charte-ia")
                .body();
        assertThat(references(listed)).containsExactly("IA-CHARTE-01", "IA-CHARTE-02", "IA-CHARTE-03");
        assertThat(listed.get(2).get("stale").asBoolean()).isTrue();
    }
}
