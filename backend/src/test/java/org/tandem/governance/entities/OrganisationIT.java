package org.tandem.governance.entities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.governance.UseCaseEnablement;
import org.tandem.platform.security.Identities;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/**
 * The organisation administered through /api on PostgreSQL: administrators create and edit entities in
 * a hierarchy (no loop, no unknown parent, no deletion of an entity something points at); the managers
 * of an entity — placed in it or above it — place people in it and only there; every refusal in French.
 */
@TandemIntegrationTest
class OrganisationIT {

    static final String PREFIX = "zz-orga-" + (System.nanoTime() % 1_000_000) + "-";

    /** A manager of the test's own directorate, so the demo's placements stay as they are. */
    static final String MANAGER = "zzorgamanager" + (System.nanoTime() % 1_000_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Identities identities;

    @Autowired
    IdentityService identityService;

    @Autowired
    UseCaseEnablement enablement;

    Api api;
    final List<String> codes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        identities.ensureUser(MANAGER, "Maëlle", "Gérant", MANAGER, List.of("managers"));
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from user_entity where entity_code like ? or username like ?")
                .params(PREFIX + "%", PREFIX + "%")
                .update();
        jdbc.sql("delete from user_entity where username = ?").param(MANAGER).update();
        jdbc.sql("delete from use_case_entity where entity_code like ?")
                .param(PREFIX + "%")
                .update();
        // children first
        for (int i = codes.size() - 1; i >= 0; i--) {
            jdbc.sql("update business_entity set parent_code = null where code = ?")
                    .param(codes.get(i))
                    .update();
        }
        codes.forEach(c ->
                jdbc.sql("delete from business_entity where code = ?").param(c).update());
        identityService.deleteUser(MANAGER);
    }

    private Map<String, Object> entity(String code, String name, String kind, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("parentCode", parent);
        return body;
    }

    private String create(String suffix, String name, String kind, String parent) {
        String code = PREFIX + suffix;
        Api.Response created = api.post("admin", "/api/entities", entity(code, name, kind, parent));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        codes.add(code);
        return code;
    }

    private static String message(Api.Response r) {
        return r.body().get("message").asText();
    }

    @Test
    void anAdministratorBuildsAHierarchyAndEditsIt() {
        String directorate = create("dir", "Direction Ouest", "DIRECTORATE", null);
        String agency = create("brest", "Agence de Brest", "AGENCY", directorate);
        Api.Response list = api.get("alice", "/api/entities");
        JsonNode brest = find(list.body(), agency);
        assertThat(brest.get("name").asText()).isEqualTo("Agence de Brest");
        assertThat(brest.get("kind").asText()).isEqualTo("AGENCY");
        assertThat(brest.get("parentCode").asText()).isEqualTo(directorate);

        Api.Response renamed = api.put(
                "admin", "/api/entities/" + agency, Map.of("name", "  Agence de Brest-Centre ", "kind", "SERVICE"));
        assertThat(renamed.status()).as(String.valueOf(renamed.body())).isEqualTo(200);
        assertThat(renamed.body().get("name").asText()).isEqualTo("Agence de Brest-Centre");
        assertThat(renamed.body().get("kind").asText()).isEqualTo("SERVICE");
        assertThat(renamed.body().get("parentCode").isNull())
                .as("no parent given: at the top")
                .isTrue();
        assertThat(jdbc.sql("select updated_by from business_entity where code = ?")
                        .param(agency)
                        .query(String.class)
                        .single())
                .isEqualTo("admin");
    }

    @Test
    void theHierarchyHasNoLoopAndNoUnknownParent() {
        String top = create("top", "Direction Nord", "DIRECTORATE", null);
        String middle = create("middle", "Service Nord", "SERVICE", top);
        String bottom = create("bottom", "Agence de Lille-Sud", "AGENCY", middle);
        Api.Response loop = api.put(
                "admin",
                "/api/entities/" + top,
                Map.of("name", "Direction Nord", "kind", "DIRECTORATE", "parentCode", bottom));
        assertThat(loop.status()).isEqualTo(400);
        assertThat(message(loop))
                .isEqualTo("« Agence de Lille-Sud » est déjà sous « Direction Nord » (ou est elle-même) : une entité"
                        + " ne peut pas dépendre d'elle-même.");
        assertThat(loop.body().get("fieldErrors").has("parentCode")).isTrue();
        Api.Response self = api.put(
                "admin",
                "/api/entities/" + top,
                Map.of("name", "Direction Nord", "kind", "DIRECTORATE", "parentCode", top));
        assertThat(self.status()).isEqualTo(400);
        Api.Response unknown = api.post("admin", "/api/entities", entity(PREFIX + "x", "X", "AGENCY", "nulle-part"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(message(unknown)).isEqualTo("L'entité parente « nulle-part » n'existe pas.");
        assertThat(jdbc.sql("select parent_code from business_entity where code = ?")
                        .param(top)
                        .query(String.class)
                        .optional())
                .as("nothing changed")
                .isEmpty();
    }

    @Test
    void badEntitiesAreRefusedInFrenchNextToTheirField() {
        create("dup", "Agence en double", "AGENCY", null);
        Api.Response duplicate = api.post("admin", "/api/entities", entity(PREFIX + "dup", "Autre", "AGENCY", null));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(message(duplicate))
                .isEqualTo("L'entité « " + PREFIX + "dup » existe déjà : modifiez-la plutôt que de la recréer.");
        Api.Response badCode = api.post("admin", "/api/entities", entity("agence de brest", "Brest", "AGENCY", null));
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(message(badCode)).isEqualTo(EntityRules.BAD_CODE);
        assertThat(badCode.body().get("fieldErrors").has("code")).isTrue();
        Api.Response noName = api.post("admin", "/api/entities", entity(PREFIX + "noname", "  ", "AGENCY", null));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(message(noName)).isEqualTo(EntityRules.BAD_NAME);
        Api.Response noKind = api.post("admin", "/api/entities", entity(PREFIX + "nokind", "Sans nature", null, null));
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(message(noKind)).isEqualTo(EntityRules.BAD_KIND);
        Api.Response unknownEntity =
                api.put("admin", "/api/entities/nulle-part", Map.of("name", "X", "kind", "AGENCY"));
        assertThat(unknownEntity.status()).isEqualTo(404);
        assertThat(message(unknownEntity)).isEqualTo("L'entité « nulle-part » n'existe pas.");
    }

    @Test
    void onlyAdministratorsCreateEditAndDeleteEntities() {
        String code = create("only", "Agence réservée", "AGENCY", null);
        for (String user : List.of("alice", "marc", "diane", "rachel")) {
            assertThat(api.post(user, "/api/entities", entity(PREFIX + "nope", "Non", "AGENCY", null))
                            .status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(api.put(user, "/api/entities/" + code, Map.of("name", "Non", "kind", "AGENCY"))
                            .status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(api.delete(user, "/api/entities/" + code).status())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(api.get(null, "/api/entities").status()).isEqualTo(401);
    }

    @Test
    void anEntitySomethingPointsAtIsKeptAndAnEmptyOneDeleted() {
        String parent = create("parent", "Direction à garder", "DIRECTORATE", null);
        String child = create("child", "Agence enfant", "AGENCY", parent);
        api.put("admin", "/api/entities/" + child + "/people/" + PREFIX + "lea", "");
        enablement.set("meeting-report", child, "AI", 0L, "admin");
        Api.Response refused = api.delete("admin", "/api/entities/" + parent);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(message(refused))
                .isEqualTo("L'entité « Direction à garder » ne peut pas être supprimée : 1 entité(s) rattachée(s)"
                        + " s'y rapportent. Renommez-la ou rattachez-les ailleurs.");
        Api.Response childRefused = api.delete("admin", "/api/entities/" + child);
        assertThat(message(childRefused)).contains("1 personne(s) rattachée(s)", "1 ouverture(s) de cas d'usage");
        jdbc.sql("delete from use_case_entity where entity_code = ?")
                .param(child)
                .update();
        assertThat(api.delete("admin", "/api/entities/" + child + "/people/" + PREFIX + "lea")
                        .status())
                .isEqualTo(204);
        assertThat(api.delete("admin", "/api/entities/" + child).status()).isEqualTo(204);
        assertThat(api.delete("admin", "/api/entities/" + parent).status()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from business_entity where code in (?, ?)")
                        .params(parent, child)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(api.delete("admin", "/api/entities/" + parent).status()).isEqualTo(404);
    }

    @Test
    void aManagerPlacesPeopleInHisEntityAndTheEntitiesBelowItOnly() {
        String directorate = create("ouest", "Direction Ouest", "DIRECTORATE", null);
        String agency = create("quimper", "Agence de Quimper", "AGENCY", directorate);
        String elsewhere = create("autre", "Agence hors périmètre", "AGENCY", null);
        // the administrator places the manager at the top of his subtree
        Api.Response placedManager = api.put("admin", "/api/entities/" + directorate + "/people/" + MANAGER, "");
        assertThat(placedManager.status())
                .as(String.valueOf(placedManager.body()))
                .isEqualTo(200);
        assertThat(placedManager.body().get("source").asText()).isEqualTo("MANUAL");
        assertThat(placedManager.body().get("placedBy").asText()).isEqualTo("admin");

        Api.Response managed = api.get(MANAGER, "/api/entities/managed");
        assertThat(managed.status()).isEqualTo(200);
        List<String> codesManaged = new ArrayList<>();
        managed.body().forEach(n -> codesManaged.add(n.asText()));
        assertThat(codesManaged).containsExactly(directorate, agency);

        String lea = PREFIX + "lea";
        Api.Response placed = api.put(MANAGER, "/api/entities/" + agency + "/people/" + lea, "");
        assertThat(placed.status()).as(String.valueOf(placed.body())).isEqualTo(200);
        assertThat(placed.body().get("entityCode").asText()).isEqualTo(agency);
        assertThat(placed.body().get("placedBy").asText()).isEqualTo(MANAGER);
        Api.Response people = api.get(MANAGER, "/api/entities/" + agency + "/people");
        assertThat(people.body().get(0).get("username").asText()).isEqualTo(lea);

        Api.Response outside = api.put(MANAGER, "/api/entities/" + elsewhere + "/people/" + PREFIX + "tom", "");
        assertThat(outside.status()).isEqualTo(403);
        assertThat(message(outside))
                .isEqualTo("Vous ne gérez pas l'entité « Agence hors périmètre » : ses managers (et ceux des entités"
                        + " au-dessus d'elle) et les administrateurs y rattachent les personnes.");
        assertThat(api.get(MANAGER, "/api/entities/" + elsewhere + "/people").status())
                .isEqualTo(403);

        Api.Response taken = api.put(MANAGER, "/api/entities/" + agency + "/people/paul", "");
        assertThat(taken.status()).isEqualTo(403);
        assertThat(message(taken))
                .isEqualTo("paul est rattaché·e à « Agence de Lyon », hors de votre périmètre : un manager de cette"
                        + " entité ou un administrateur doit d'abord l'en détacher.");
        assertThat(jdbc.sql("select entity_code from user_entity where username = 'paul'")
                        .query(String.class)
                        .single())
                .isEqualTo("agence-lyon");

        Api.Response himself = api.put(MANAGER, "/api/entities/" + agency + "/people/" + MANAGER, "");
        assertThat(himself.status()).isEqualTo(403);
        assertThat(message(himself)).isEqualTo("Votre propre rattachement est fait par un administrateur.");

        Api.Response badName = api.put(MANAGER, "/api/entities/" + agency + "/people/lea martin", "");
        assertThat(badName.status()).isEqualTo(400);

        // moving within his subtree, then detaching
        assertThat(api.put(MANAGER, "/api/entities/" + directorate + "/people/" + lea, "")
                        .status())
                .isEqualTo(200);
        Api.Response notThere = api.delete(MANAGER, "/api/entities/" + agency + "/people/" + lea);
        assertThat(notThere.status()).isEqualTo(404);
        assertThat(message(notThere)).isEqualTo(lea + " n'est pas rattaché·e à « Agence de Quimper ».");
        assertThat(api.delete(MANAGER, "/api/entities/" + directorate + "/people/" + lea)
                        .status())
                .isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from user_entity where username = ?")
                        .param(lea)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aManagerWithoutEntityManagesNothingAndOthersNoPlacementAtAll() {
        Api.Response managed = api.get(MANAGER, "/api/entities/managed");
        assertThat(managed.body().size()).isZero();
        assertThat(api.put(MANAGER, "/api/entities/agence-niort/people/" + PREFIX + "x", "")
                        .status())
                .isEqualTo(403);
        Api.Response search = api.get(MANAGER, "/api/people?q=ali");
        assertThat(search.status()).isEqualTo(403);
        assertThat(message(search)).contains("managers d'une entité");
        for (String user : List.of("alice", "bob", "diane", "eric", "rachel", "portal")) {
            assertThat(api.put(user, "/api/entities/agence-niort/people/" + PREFIX + "x", "")
                            .status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(api.get(user, "/api/people").status()).as(user).isEqualTo(403);
        }
    }

    @Test
    void theDemoManagerManagesNiortAndFindsPeopleToPlace() {
        Api.Response managed = api.get("marc", "/api/entities/managed");
        assertThat(managed.body().toString()).isEqualTo("[\"agence-niort\"]");
        Api.Response niort = api.get("marc", "/api/entities/agence-niort/people");
        List<String> names = new ArrayList<>();
        niort.body().forEach(p -> names.add(p.get("username").asText()));
        assertThat(names).contains("alice", "bob", "marc").isSorted();
        Api.Response found = api.get("marc", "/api/people?q=ALI");
        assertThat(found.status()).isEqualTo(200);
        JsonNode alice = find(found.body(), "alice", "username");
        assertThat(alice.get("entityCode").asText()).isEqualTo("agence-niort");
        assertThat(alice.get("entityName").asText()).isEqualTo("Agence de Niort");
        Api.Response everyone = api.get("admin", "/api/entities/managed");
        assertThat(everyone.body().size()).isGreaterThanOrEqualTo(7);
    }

    private static JsonNode find(JsonNode list, String code) {
        return find(list, code, "code");
    }

    private static JsonNode find(JsonNode list, String value, String field) {
        for (JsonNode n : list) {
            if (n.get(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError(value + " not in " + list);
    }
}
