package org.tandem.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tandem.support.Browser;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/**
 * The role × route matrix of {@code security/matrix.csv}: every /api route of the application has a
 * row, and every cell holds against the running application over real HTTP.
 */
@TandemIntegrationTest
public class MatrixIT {

    /** The demo user who plays each role (column), in the file's order; null = anonymous. */
    public static final Map<String, String> PLAYERS = players();

    private static Map<String, String> players() {
        Map<String, String> players = new LinkedHashMap<>();
        players.put("ADVISER", "alice");
        players.put("EXPERT", "bob");
        players.put("MANAGER", "marc");
        players.put("DIRECTORATE", "diane");
        players.put("ETHICS", "eric");
        players.put("AI_REFERENT", "rachel");
        players.put("SERVICE", "portal");
        players.put("ADMIN", "admin");
        players.put("anonymous", null);
        // issue 16: the data protection officer
        players.put("DPO", "dora");
        return players;
    }

    public record Row(String method, String route, String sample, String body, Map<String, Boolean> allowed) {
        public String key() {
            return method + " " + route;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    /** See EngineAccessIT: the webapps find the engine through JVM-wide registries. */
    @BeforeEach
    void webappRegistriesOfThisContext() {
        org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine);
        if (org.camunda.bpm.cockpit.Cockpit.getRuntimeDelegate() == null) {
            org.camunda.bpm.cockpit.Cockpit.setCockpitRuntimeDelegate(
                    new org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate());
        }
        if (org.camunda.bpm.admin.Admin.getRuntimeDelegate() == null) {
            org.camunda.bpm.admin.Admin.setAdminRuntimeDelegate(
                    new org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate());
        }
    }

    public static List<Row> rows() {
        try (InputStream in = MatrixIT.class.getResourceAsStream("/security/matrix.csv")) {
            List<Row> rows = new ArrayList<>();
            List<String> header = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(line.split("\\|", -1));
                if (header == null) {
                    header = cells;
                    assertThat(header.subList(4, header.size())).containsExactlyElementsOf(PLAYERS.keySet());
                    continue;
                }
                assertThat(cells).as(line).hasSize(header.size());
                Map<String, Boolean> allowed = new LinkedHashMap<>();
                for (int i = 4; i < cells.size(); i++) {
                    assertThat(cells.get(i)).as(line).isIn("allow", "deny");
                    allowed.put(header.get(i), cells.get(i).equals("allow"));
                }
                rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), cells.get(3), allowed));
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every /api route Spring MVC serves, as "METHOD pattern". */
    static TreeSet<String> apiRoutes(RequestMappingHandlerMapping mappings) {
        TreeSet<String> routes = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(p -> p.startsWith("/api/"))
                        .forEach(p -> {
                            var methods = info.getMethodsCondition().getMethods();
                            (methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods)
                                    .forEach(m -> routes.add(m.name() + " " + p));
                        }));
        return routes;
    }

    @Test
    void everyApiRouteHasARowAndEveryRowARoute() {
        TreeSet<String> served = apiRoutes(mappings);
        TreeSet<String> listed = new TreeSet<>();
        rows().stream().filter(r -> r.route().startsWith("/api/")).forEach(r -> listed.add(r.key()));
        TreeSet<String> missing = new TreeSet<>(served);
        missing.removeAll(listed);
        TreeSet<String> stale = new TreeSet<>(listed);
        stale.removeAll(served);
        assertThat(missing)
                .as("routes without a row in security/matrix.csv — add one per route "
                        + "(method|route|sample|body|" + String.join("|", PLAYERS.keySet()) + "):\n  "
                        + String.join("\n  ", missing))
                .isEmpty();
        assertThat(stale)
                .as("rows of security/matrix.csv for routes that no longer exist")
                .isEmpty();
    }

    @Test
    void everyCellHolds() {
        Map<String, Browser> sessions = new LinkedHashMap<>();
        Map<String, Browser> basics = new LinkedHashMap<>();
        PLAYERS.forEach((role, user) -> {
            sessions.put(role, new Browser(port, user).loggedIn());
            basics.put(role, new Browser(port, user).withBasic());
        });
        Browser alice = sessions.get("ADVISER");
        HttpResponse<String> opened = alice.json("POST", "/api/cases", """
                {"useCaseKey":"reply-letter","memberId":"M-1001","subject":"Matrice des droits",
                 "message":"Bonjour, où en est le remboursement de mon sinistre ?"}""");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = opened.body().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1");
        Browser bob = sessions.get("EXPERT");
        String taskId = Eventually.await("the review task of case " + caseId, Duration.ofSeconds(30), () -> {
            try {
                for (var item : new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(bob.get("/api/tasks").body())
                        .path("items")) {
                    if (item.path("taskKey").asText().equals("review")
                            && item.path("caseId").asText().equals(caseId)) {
                        return item.path("id").asText();
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Row row : rows()) {
            String url = row.sample().replace("${case}", caseId).replace("${task}", taskId);
            for (var cell : row.allowed().entrySet()) {
                Browser who = row.route().startsWith("/engine-rest/")
                        ? basics.get(cell.getKey())
                        : sessions.get(cell.getKey());
                HttpResponse<String> response = "GET".equals(row.method())
                        ? who.get(url)
                        : who.json(row.method(), url, row.body().isEmpty() ? null : row.body());
                int status = response.statusCode();
                boolean denied = status == 401
                        || status == 403
                        || (status == 302
                                && response.headers()
                                        .firstValue("Location")
                                        .orElse("")
                                        .endsWith("/login"));
                cells++;
                // Camunda's REST API answers 500 to an unknown task id: past security all the same
                boolean broken = status >= 500 && !row.route().startsWith("/engine-rest/");
                if (broken || denied == cell.getValue()) {
                    wrong.add(String.format(
                            "%-6s %-50s %-11s expected %-5s got %d %s",
                            row.method(),
                            url,
                            cell.getKey(),
                            cell.getValue() ? "allow" : "deny",
                            status,
                            response.body().length() > 120 ? response.body().substring(0, 120) : response.body()));
                }
            }
        }
        System.out.printf("security matrix: %d rows, %d cells checked, %d wrong%n", rows().size(), cells, wrong.size());
        assertThat(wrong)
                .as("cells of security/matrix.csv that do not hold:\n  " + String.join("\n  ", wrong))
                .isEmpty();
    }
}
