package org.tandem.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.tandem.support.TandemIntegrationTest;

/**
 * The OpenAPI 3 description of /api, generated from the code, for administrators. The test writes
 * it to frontend/openapi.json, so the frontend's types can be checked against what the backend serves.
 */
@TandemIntegrationTest
class ApiDocsIntegrationTest {

    @Autowired MockMvc mvc;

    private int status(String user, String path) throws Exception {
        var request = MockMvcRequestBuilders.get(path);
        return mvc.perform(user == null ? request : request.with(httpBasic(user, user))).andReturn().getResponse()
                .getStatus();
    }

    @Test
    void theOpenApiDocumentDescribesTheAppsApiOnly() throws Exception {
        String body = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs").with(httpBasic("admin", "admin")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode doc = new ObjectMapper().readTree(body);
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        JsonNode paths = doc.path("paths");
        assertThat(paths.has("/api/cases")).as(body).isTrue();
        assertThat(paths.has("/api/tasks/{id}/complete")).isTrue();
        assertThat(paths.path("/api/tasks/{id}/complete").has("post")).isTrue();
        paths.fieldNames().forEachRemaining(p -> assertThat(p).startsWith("/api/"));

        // pretty, stable output for the frontend to check its types against
        ObjectMapper pretty = new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc).remove("servers"); // random test port
        Path frontend = Path.of(System.getenv().getOrDefault("FRONTEND_DIR", "../frontend"));
        Files.writeString(frontend.resolve("openapi.json"),
                pretty.writeValueAsString(pretty.treeToValue(doc, Object.class)) + "\n");
    }

    @Test
    void swaggerUiIsServedToAdministrators() throws Exception {
        assertThat(status("admin", "/swagger-ui/index.html")).isEqualTo(200);
        assertThat(status("admin", "/swagger-ui.html")).isIn(200, 302);
    }

    @Test
    void anonymousCallersAndAdvisersAreRefused() throws Exception {
        for (String path : new String[] {"/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html"}) {
            assertThat(status(null, path)).as(path).isIn(401, 302);
            assertThat(status("alice", path)).as(path).isEqualTo(403);
            assertThat(status("bob", path)).as(path).isEqualTo(403);
        }
    }
}
