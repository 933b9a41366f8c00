package org.tandem.work.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tandem.support.SeededTasks;

/**
 * The task-list benchmark (issue 7, P2): fills Camunda's own tables (ACT_RU_EXECUTION, ACT_RU_VARIABLE,
 * ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_HI_TASKINST) and the read model with the same open and
 * historic tasks by bulk SQL, then times the same filter — the open tasks offered to one team for one
 * use case, newest first, 50 a page — through GET /api/tasks and through Camunda's REST
 * GET /engine-rest/task (candidate group + process variable filter), over real HTTP to the running
 * server. Ours is timed with the signed-in session the browser sends, and with HTTP Basic on each call
 * as Camunda's REST clients must (its chain keeps no session): the ratio compares the two Basic
 * figures, same web and login costs. Every row it writes starts with "bench-" and is deleted at the end.
 */
final class TaskListBench {

    static final String USER = "bench-expert";
    static final String TEAM = "bench-team-1";
    static final String USE_CASE = "reply-letter";
    private static final int TEAMS = 20;
    private static final String[] USE_CASES = {
        "reply-letter", "claim-summary", "meeting-report", "record-extraction", "member-chatbot"
    };

    record Result(
            double oursP50,
            double oursP95,
            double oursNoCountsP50,
            double oursNoCountsP95,
            double oursBasicP50,
            double oursBasicP95,
            double camundaP50,
            double camundaP95,
            double floorP50,
            double floorP95,
            int visible) {}

    private final JdbcTemplate jdbc;
    private final String baseUrl;
    private final Map<String, HttpClient> sessions = new HashMap<>();
    private final HttpClient stateless = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final IdentityService identities;
    private final RepositoryService repository;

    TaskListBench(JdbcTemplate jdbc, int port, IdentityService identities, RepositoryService repository) {
        this.jdbc = jdbc;
        this.baseUrl = "http://localhost:" + port;
        this.identities = identities;
        this.repository = repository;
    }

    static void print(String line) {
        System.out.println("bench | " + line);
    }

    Result run(int open, int historic, int queries) {
        try {
            long start = System.nanoTime();
            fill(open, historic);
            print(String.format(
                    "filled %,d open and %,d historic tasks in %.1f s (Camunda's tables and the read model)",
                    open, historic, (System.nanoTime() - start) / 1e9));
            return measure(queries);
        } finally {
            clean();
        }
    }

    private void fill(int open, int historic) {
        clean();
        User user = identities.newUser(USER);
        user.setFirstName("Bench");
        user.setLastName("Expert");
        user.setPassword(USER);
        identities.saveUser(user);
        if (identities.createGroupQuery().groupId(TEAM).count() == 0) {
            var group = identities.newGroup(TEAM);
            group.setName("Bench team");
            group.setType("WORKFLOW");
            identities.saveGroup(group);
        }
        identities.createMembership(USER, TEAM);
        String definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("content")
                .latestVersion()
                .singleResult()
                .getId();
        // open tasks: team (i % 20) + 1, use case (i / 20) % 5, one block in ten claimed by someone else
        SeededTasks.seed(
                jdbc,
                "bench-",
                open,
                java.util.stream.IntStream.rangeClosed(1, TEAMS)
                        .mapToObj(n -> "bench-team-" + n)
                        .toList(),
                List.of(USE_CASES),
                10);
        String useCases = "(array['" + String.join("','", USE_CASES) + "'])";
        // history: completed tasks, a tenth of them by the bench user's team-mates
        String history = "from generate_series(1, " + historic + ") as i";
        jdbc.update("""
                insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_,
                    proc_inst_id_, execution_id_, name_, assignee_, start_time_, end_time_, duration_, priority_, task_state_)
                select 'bench-h-' || i, 'review', 'content', ?, 'bench-hpi-' || i, 'bench-hpi-' || i, 'bench-hpi-' || i,
                    'Relire le brouillon de l''IA', 'bench-other-' || (i % 50), localtimestamp - make_interval(mins => i),
                    localtimestamp - make_interval(mins => i) + interval '1 hour', 3600000, 50, 'Completed'
                """ + history, definition);
        jdbc.update(
                """
                insert into inbox_task (task_id, process_instance_id, process_key, task_key, name, use_case_key,
                    subject, candidate_groups, assignee, created_at, priority, status, ended_at)
                select 'bench-h-' || i, 'bench-hpi-' || i, 'content', 'review', 'Relire le brouillon de l''IA',
                    """ + useCases + "[i % 5 + 1], 'Demande ' || i, array['bench-team-' || (i % " + TEAMS + """
                 + 1)], 'bench-other-' || (i % 50), now() - make_interval(mins => i), 50, 'COMPLETED',
                    now() - make_interval(mins => i) + interval '1 hour'
                """ + history);
        for (String table : List.of(
                "act_ru_execution",
                "act_ru_variable",
                "act_ru_task",
                "act_ru_identitylink",
                "act_hi_taskinst",
                "inbox_task")) {
            // statistics only, no vacuum: the queries meet the tables as a burst of new tasks leaves them
            jdbc.execute("analyze " + table);
        }
    }

    private Result measure(int queries) {
        String ours = "/api/tasks?scope=groups&useCase=" + USE_CASE + "&sort=created&order=desc&size=50";
        String oursNoCounts = ours + "&counts=false";
        String camunda = "/engine-rest/task?candidateGroups=" + TEAM + "&processVariables=useCaseKey_eq_" + USE_CASE
                + "&sortBy=created&sortOrder=desc&firstResult=0&maxResults=50";
        // same tasks, same order: the comparison is about one answer
        JsonNode page = get(USER, ours, false);
        List<String> ourIds = StreamSupport.stream(page.get("items").spliterator(), false)
                .map(t -> t.get("id").asText())
                .toList();
        List<String> camundaIds = StreamSupport.stream(
                        get("admin", camunda, true).spliterator(), false)
                .map(t -> t.get("id").asText())
                .toList();
        assertThat(ourIds).isNotEmpty().isEqualTo(camundaIds);
        int visible = page.get("total").asInt();
        print(String.format(
                "filter: team %s, use case %s, unclaimed, newest first, 50 a page — %,d tasks match",
                TEAM, USE_CASE, visible));
        for (int i = 0; i < Math.max(10, queries / 10); i++) {
            get(USER, ours, false);
            get(USER, oursNoCounts, false);
            get(USER, ours, true);
            get("admin", camunda, true);
        }
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        List<Long> d = new ArrayList<>();
        List<Long> c = new ArrayList<>();
        List<Long> floor = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            // interleaved, so a slow moment of the shared machine hits all four
            a.add(time(USER, ours, false));
            b.add(time(USER, oursNoCounts, false));
            d.add(time(USER, ours, true));
            c.add(time("admin", camunda, true));
            // what any call of the session costs here (web, security, session), whatever it asks
            floor.add(time(USER, "/api/me", false));
        }
        return new Result(
                percentile(a, 50),
                percentile(a, 95),
                percentile(b, 50),
                percentile(b, 95),
                percentile(d, 50),
                percentile(d, 95),
                percentile(c, 50),
                percentile(c, 95),
                percentile(floor, 50),
                percentile(floor, 95),
                visible);
    }

    /**
     * With basic, HTTP Basic on each call as Camunda's REST clients do (its chain keeps no session);
     * otherwise the signed-in session a browser sends.
     */
    private JsonNode get(String user, String path, boolean basic) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json");
        if (basic) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response =
                send(basic ? stateless : session(user), request.GET().build());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cookie-keeping client signed in by the login form (CSRF token from its cookie), one per user. */
    private HttpClient session(String user) {
        return sessions.computeIfAbsent(user, u -> {
            var cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            send(
                    client,
                    HttpRequest.newBuilder(URI.create(baseUrl + "/api/me"))
                            .GET()
                            .build());
            String xsrf = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .findFirst()
                    .orElseThrow()
                    .getValue();
            HttpResponse<String> login = send(
                    client,
                    HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-XSRF-TOKEN", xsrf)
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + u + "&password=" + u))
                            .build());
            assertThat(login.statusCode())
                    .as("login of " + u + " → " + login.body())
                    .isEqualTo(200);
            return client;
        });
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long time(String user, String path, boolean basic) {
        long start = System.nanoTime();
        get(user, path, basic);
        return System.nanoTime() - start;
    }

    private static double percentile(List<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    void clean() {
        SeededTasks.remove(jdbc, "bench-");
        if (identities.createUserQuery().userId(USER).count() > 0) {
            identities.deleteUser(USER);
        }
        if (identities.createGroupQuery().groupId(TEAM).count() > 0) {
            identities.deleteGroup(TEAM);
        }
    }

    static void report(Result r) {
        print(String.format(
                "GET /api/tasks (page + counts, session)   p50 %6.1f ms   p95 %6.1f ms", r.oursP50(), r.oursP95()));
        print(String.format(
                "GET /api/tasks (page only, session)       p50 %6.1f ms   p95 %6.1f ms",
                r.oursNoCountsP50(), r.oursNoCountsP95()));
        print(String.format(
                "GET /api/tasks (page + counts, HTTP Basic) p50 %6.1f ms   p95 %6.1f ms",
                r.oursBasicP50(), r.oursBasicP95()));
        print(String.format(
                "GET /engine-rest/task (HTTP Basic)        p50 %6.1f ms   p95 %6.1f ms",
                r.camundaP50(), r.camundaP95()));
        print(String.format(
                "GET /api/me (session: the floor)          p50 %6.1f ms   p95 %6.1f ms", r.floorP50(), r.floorP95()));
        print(String.format(
                "ratio p95 ours / Camunda, both with HTTP Basic: %.2f; goal p95 <= 50 ms (session) and <= 1.0",
                r.oursBasicP95() / r.camundaP95()));
    }
}
