package org.tandem.platform.ops;

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
class ApiDocsIT {

    @Autowired
    MockMvc mvc;

    private int status(String user, String path) throws Exception {
        var request = MockMvcRequestBuilders.get(path);
        return mvc.perform(user == null ? request : request.with(httpBasic(user, user)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void theOpenApiDocumentDescribesTheAppsApiOnly() throws Exception {
        String body = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs").with(httpBasic("admin", "admin")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode doc = new ObjectMapper().readTree(body);
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        JsonNode paths = doc.path("paths");
        assertThat(paths.has("/api/cases")).as(body).isTrue();
        assertThat(paths.has("/api/tasks/{id}/complete")).isTrue();
        assertThat(paths.path("/api/tasks/{id}/complete").has("post")).isTrue();
        paths.fieldNames().forEachRemaining(p -> assertThat(p).startsWith("/api/"));

        // pretty, stable output for the frontend to check its types against
        ObjectMapper pretty = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc).remove("servers"); // random test port
        String generated = pretty.writeValueAsString(pretty.treeToValue(doc, Object.class)) + "\n";
        Path committed = Path.of(System.getenv().getOrDefault("FRONTEND_DIR", "../frontend"))
                .resolve("openapi.json");
        String before = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        // the frontend's build checks its types against this file (src/types/api-contract.ts): a stale
        // copy would let them drift, so the test brings it up to date and fails until that is committed
        if (!before.equals(generated)) {
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        assertThat(before.equals(generated))
                .as("frontend/openapi.json was out of date with the API: it has been rewritten; rebuild the frontend"
                        + " (its type check runs against it), fix the types it flags, and commit the file")
                .isTrue();
    }

    /**
     * springdoc names a schema after its class's simple name: two API types called the same (three
     * records were named Summary) silently share one schema, and the description lies about one of
     * them. Every type reachable from an /api endpoint must have a name of its own.
     */
    @Test
    void everyApiTypeHasASchemaNameOfItsOwn(
            @Autowired @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings) {
        java.util.Map<String, java.util.Set<Class<?>>> byName = new java.util.TreeMap<>();
        java.util.Set<Class<?>> seen = new java.util.HashSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (info.getPatternValues().stream().noneMatch(p -> p.startsWith("/api/"))) {
                return;
            }
            collect(method.getReturnType().getGenericParameterType(), seen, byName);
            for (var parameter : method.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
                    collect(parameter.getGenericParameterType(), seen, byName);
                }
            }
        });
        assertThat(byName).as("API types").isNotEmpty();
        byName.forEach((name, classes) -> assertThat(classes)
                .as("schema %s: give all but one an @Schema(name = ...)", name)
                .hasSize(1));
    }

    private static void collect(
            java.lang.reflect.Type type,
            java.util.Set<Class<?>> seen,
            java.util.Map<String, java.util.Set<Class<?>>> byName) {
        if (type instanceof java.lang.reflect.ParameterizedType parameterized) {
            collect(parameterized.getRawType(), seen, byName);
            for (var argument : parameterized.getActualTypeArguments()) {
                collect(argument, seen, byName);
            }
            return;
        }
        // enums are written inline, not as named schemas
        if (!(type instanceof Class<?> cls)
                || cls.isEnum()
                || !cls.getName().startsWith("org.tandem.")
                || !seen.add(cls)) {
            return;
        }
        var schema = cls.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        String name = schema != null && !schema.name().isEmpty() ? schema.name() : cls.getSimpleName();
        byName.computeIfAbsent(name, n -> new java.util.HashSet<>()).add(cls);
        if (cls.isRecord()) {
            for (var component : cls.getRecordComponents()) {
                collect(component.getGenericType(), seen, byName);
            }
        }
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
