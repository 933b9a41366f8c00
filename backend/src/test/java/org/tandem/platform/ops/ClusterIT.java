package org.tandem.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.TandemApplication;
import org.tandem.content.CaseService;
import org.tandem.content.NewCaseRequest;
import org.tandem.content.drafting.DraftWorker;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.security.Role;
import org.tandem.support.Eventually;

/**
 * Camunda's cluster mode: two Tandem nodes on one PostgreSQL, both running the AI worker and the
 * job executor. Cases opened on node 1 are drafted by both nodes, each exactly once.
 */
class ClusterIT {

    private static final int CASES = 20;

    private static ConfigurableApplicationContext node(String name, String datasourceUrl) {
        return new SpringApplicationBuilder(TandemApplication.class)
                .profiles("demo")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + datasourceUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--tandem.embedded-db.data-dir=",
                        "--tandem.ai.provider=offline",
                        // the demo's replayed history moves the engine's clock JVM-wide: locks taken by one
                        // node looked expired to the other, and a case was drafted twice
                        "--tandem.demo.history=false",
                        // Cockpit keeps its engine in a static field: closing these nodes must not clear the shared
                        // test app's
                        "--camunda.bpm.webapp.enabled=false",
                        "--tandem.worker.enabled=true",
                        "--tandem.worker.name=" + name,
                        "--tandem.worker.poll-interval=100ms",
                        "--tandem.worker.max-concurrency=2",
                        "--tandem.worker.retry-backoff=0s",
                        "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.job-execution.wait-time-in-millis=200",
                        "--camunda.bpm.job-execution.max-wait=1000");
    }

    /** Both checks share the two nodes: each extra node costs a Spring context. */
    @Test
    void twoNodesOnOneDatabase() throws Exception {
        try (ConfigurableApplicationContext first = node("node-1", "")) {
            String url = first.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext second = node("node-2", url)) {
                aSessionOpenedOnOneNodeServesTheOtherWithoutStickiness(first, second);
                bothNodesTakeWorkAndNoCaseIsDraftedTwice(first, second);
            }
        }
    }

    private static void bothNodesTakeWorkAndNoCaseIsDraftedTwice(
            ConfigurableApplicationContext first, ConfigurableApplicationContext second) {
        var alice = new CurrentUser("alice", "Alice", EnumSet.of(Role.ADVISER), List.of("advisers"));
        CaseService cases = first.getBean(CaseService.class);
        List<Long> ids = new ArrayList<>();
        Set<String> instances = new java.util.HashSet<>();
        // the cases wait until both workers start together: filed one by one under running workers,
        // the node whose slot had just freed could keep up alone and take all twenty (seen in CI)
        List<DraftWorker> workers = List.of(first.getBean(DraftWorker.class), second.getBean(DraftWorker.class));
        workers.forEach(DraftWorker::stop);
        for (int i = 0; i < CASES; i++) {
            var opened = cases.open(
                    new NewCaseRequest("reply-letter", "M-1003", "Cas " + i, "Message numéro " + i + "."), alice);
            ids.add(opened.id());
            instances.add(opened.processInstanceId());
        }
        workers.forEach(DraftWorker::start);
        HistoryService history = first.getBean(HistoryService.class);
        List<HistoricExternalTaskLog> done =
                Eventually.await("all cases drafted", Duration.ofSeconds(120), () -> {
                    List<HistoricExternalTaskLog> logs = history
                            .createHistoricExternalTaskLogQuery()
                            .successLog()
                            .topicName(DraftWorker.TOPIC)
                            .list()
                            .stream()
                            .filter(l -> instances.contains(l.getProcessInstanceId()))
                            .toList();
                    return logs.size() >= CASES ? logs : null;
                });

        JdbcClient jdbc = first.getBean(JdbcClient.class);
        Map<Long, Long> draftsPerCase = new TreeMap<>();
        for (long id : ids) {
            draftsPerCase.put(
                    id,
                    jdbc.sql("select count(*) from draft where case_id = ?")
                            .param(id)
                            .query(Long.class)
                            .single());
        }
        assertThat(draftsPerCase.values()).as("drafts per case").containsOnly(1L);
        assertThat(done).hasSize(CASES);
        assertThat(done.stream()
                        .map(HistoricExternalTaskLog::getProcessInstanceId)
                        .distinct())
                .hasSize(CASES);

        Map<String, Long> split = done.stream()
                .collect(Collectors.groupingBy(HistoricExternalTaskLog::getWorkerId, Collectors.counting()));
        System.out.println("Cluster split of " + CASES + " drafts by worker: " + split);
        assertThat(split).as("both nodes' workers took work").hasSize(2);
        assertThat(split.keySet())
                .as("worker ids name their node")
                .anyMatch(id -> id.startsWith("node-1-"))
                .anyMatch(id -> id.startsWith("node-2-"));
    }

    /**
     * Spring Session JDBC: alice logs in on node 1, then node 2 knows her from the session cookie alone
     * and accepts a state-changing call with the CSRF token (a cookie of its own) she got from node 1;
     * logging out on node 2 ends the session on node 1 too. Real HTTP, as a browser behind a
     * round-robin load balancer would send it.
     */
    private static void aSessionOpenedOnOneNodeServesTheOtherWithoutStickiness(
            ConfigurableApplicationContext first, ConfigurableApplicationContext second) throws Exception {
        var node1 = new Browser(first);
        assertThat(node1.send("GET", "/api/me", null).statusCode()).isEqualTo(401);
        String xsrf = node1.cookies.get("XSRF-TOKEN");
        assertThat(xsrf).as("CSRF cookie from the first response").isNotBlank();
        var login = node1.send("POST", "/login", "username=alice&password=alice");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(node1.cookies).containsKey("SESSION").doesNotContainKey("JSESSIONID");
        assertThat(first.getBean(JdbcClient.class)
                        .sql("select count(*) from spring_session where principal_name = 'alice'")
                        .query(Long.class)
                        .single())
                .isPositive();

        var node2 = node1.on(second);
        var me = node2.send("GET", "/api/me", null);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"alice\"");

        String newCase = """
                {"useCaseKey":"reply-letter","memberId":"M-1003","subject":"Par le nœud 2","message":"Bonjour."}""";
        var created = node2.send("POST", "/api/cases", newCase, "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        var withoutToken = node2.withoutCsrfHeader().send("POST", "/api/cases", newCase, "application/json");
        assertThat(withoutToken.statusCode()).as("no CSRF header").isEqualTo(403);

        assertThat(node2.send("POST", "/logout", null).statusCode()).isEqualTo(204);
        var back = node1.send("GET", "/api/me", null);
        assertThat(back.statusCode())
                .as("the session ended on node 2 is gone on node 1")
                .isEqualTo(401);
    }

    /** A cookie jar and the SPA's CSRF echo (X-XSRF-TOKEN = the XSRF-TOKEN cookie), against one node. */
    private static final class Browser {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final Map<String, String> cookies;
        private final boolean csrfHeader;

        private Browser(String base, Map<String, String> cookies, boolean csrfHeader) {
            this.base = base;
            this.cookies = cookies;
            this.csrfHeader = csrfHeader;
        }

        Browser(ConfigurableApplicationContext node) {
            this(baseOf(node), new java.util.LinkedHashMap<>(), true);
        }

        private static String baseOf(ConfigurableApplicationContext node) {
            return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
        }

        /** The same browser (same cookies), its next requests routed to another node. */
        Browser on(ConfigurableApplicationContext node) {
            return new Browser(baseOf(node), cookies, csrfHeader);
        }

        Browser withoutCsrfHeader() {
            return new Browser(base, cookies, false);
        }

        HttpResponse<String> send(String method, String path, String body) throws Exception {
            return send(method, path, body, "application/x-www-form-urlencoded");
        }

        HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body))
                    .header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", contentType);
            }
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(c -> c.getKey() + "=" + c.getValue())
                                .collect(Collectors.joining("; ")));
            }
            if (csrfHeader && cookies.containsKey("XSRF-TOKEN")) {
                request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                var cookie = java.net.HttpCookie.parse(setCookie).get(0);
                if (cookie.getMaxAge() == 0) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
            return response;
        }
    }
}
