package org.tandem.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tandem.platform.security.MatrixIT;
import org.tandem.support.Browser;
import org.tandem.support.Eventually;
import org.tandem.support.TandemIntegrationTest;

/**
 * At least 1,000 malformed requests against every write route of /api, each sent as a person the
 * route is meant for (security/matrix.csv): no 5xx, and every refusal carries a French message.
 */
@TandemIntegrationTest
class BadInputCampaignIT {

    /** Words or letters no English-only message has: a crude but honest check that a person gets French. */
    static final Pattern FRENCH = Pattern.compile(
            "[àâçéèêëîïôûùüœ«»]|\\b(le|la|les|de|des|du|un|une|vous|votre|est|pas|ce|cette|n'|d'|l')\\b",
            Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void noMalformedRequestGetsA5xxAndEveryRefusalIsExplainedInFrench() throws Exception {
        Map<String, String> players = MatrixIT.PLAYERS;
        Map<String, String> userByRoute = new HashMap<>();
        for (MatrixIT.Row row : MatrixIT.rows()) {
            row.allowed().entrySet().stream()
                    .filter(e -> e.getValue() && players.get(e.getKey()) != null)
                    .findFirst()
                    .ifPresent(e -> userByRoute.put(row.key(), players.get(e.getKey())));
        }
        Map<String, Browser> browsers = new HashMap<>();
        java.util.function.Function<String, Browser> as =
                user -> browsers.computeIfAbsent(user, u -> new Browser(port, u).loggedIn());

        Browser alice = as.apply("alice");
        HttpResponse<String> opened = alice.json("POST", "/api/cases", """
                {"useCaseKey":"reply-letter","memberId":"M-1001","subject":"Campagne d'entrées invalides",
                 "message":"Bonjour, où en est mon dossier ?"}""");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = json.readTree(opened.body()).get("id").asText();
        String taskId = Eventually.await("the review task", Duration.ofSeconds(30), () -> {
            try {
                for (JsonNode t :
                        json.readTree(as.apply("bob").get("/api/tasks").body()).path("items")) {
                    if (t.get("caseId").asText().equals(caseId)) {
                        return t.get("id").asText();
                    }
                }
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // the organisation's routes aim at an entity of the campaign's own, with a child so that it is never
        // deleted; a creation's body names a parent that does not exist, so no probe creates an entity
        jdbc.sql("""
                        insert into business_entity (code, name, kind) values ('zz-campagne', 'Campagne', 'DIRECTORATE')
                        on conflict (code) do nothing""").update();
        jdbc.sql("""
                        insert into business_entity (code, name, kind, parent_code)
                        values ('zz-campagne-enfant', 'Campagne (enfant)', 'AGENCY', 'zz-campagne')
                        on conflict (code) do nothing""").update();

        BadInputCampaign campaign = new BadInputCampaign();
        List<BadInputCampaign.Probe> probes = new ArrayList<>();
        BadInputCampaign.writeRoutes(mappings).forEach((key, bodyType) -> {
            String[] parts = key.split(" ", 2);
            String route = parts[1];
            Map<String, String> fixtures = Map.ofEntries(
                    Map.entry("code", "zz-campagne"),
                    Map.entry("username", "zz-campagne-personne"),
                    Map.entry(
                            "body:POST /api/entities",
                            "{\"code\":\"zz-campagne\",\"name\":\"Campagne\",\"kind\":\"AGENCY\",\"parentCode\":\"nulle-part\"}"),
                    Map.entry("body:PUT /api/entities/{code}", "{\"name\":\"Campagne\",\"kind\":\"DIRECTORATE\"}"),
                    Map.entry("body:POST /api/governance/openings", "{\"useCaseKey\":\"pas-un-cas-d-usage\"}"),
                    // an account whose group does not exist: refused after every other check, so no probe opens one
                    Map.entry(
                            "body:POST /api/admin/accounts",
                            "{\"username\":\"zz-campagne-compte\",\"firstName\":\"Camille\",\"lastName\":\"Campagne\","
                                    + "\"password\":\"un-mot-de-passe-long\",\"groups\":[\"advisers\",\"pas-un-groupe\"]}"),
                    Map.entry("id", route.startsWith("/api/tasks/") ? taskId : caseId),
                    Map.entry("taskId", taskId),
                    Map.entry("reference", "CAMPAGNE-DOC"),
                    Map.entry("name", "insuredName"),
                    Map.entry(
                            "body:POST /api/cases",
                            "{\"useCaseKey\":\"reply-letter\",\"memberId\":\"M-1001\",\"withoutAi\":false}"),
                    Map.entry(
                            "body:POST /api/chat",
                            "{\"memberId\":\"M-1001\",\"question\":\"Quels sont vos horaires ?\"}"),
                    // issue 16: a member Tandem does not know, so that no probe erases anyone
                    Map.entry(
                            "body:POST /api/privacy/erasures",
                            "{\"memberId\":\"M-0000\",\"reason\":\"Campagne d'entrées invalides, réf. BAD-1\"}"));
            probes.addAll(campaign.probes(parts[0], route, bodyType, fixtures));
        });

        // issue 16: the erasure preview reads its member from the query string: every odd id and text there
        for (String value : java.util.stream.Stream.concat(
                        BadInputCampaign.IDS.stream(),
                        BadInputCampaign.TEXTS.stream().filter(t -> t.length() < 2_000))
                .toList()) {
            String encoded = java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
            probes.add(new BadInputCampaign.Probe(
                    "GET",
                    "/api/privacy/erasures/preview",
                    "/api/privacy/erasures/preview?memberId=" + encoded,
                    "application/json",
                    "",
                    "memberId=" + BadInputCampaign.abbreviate(value)));
        }

        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> broken = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        for (BadInputCampaign.Probe probe : probes) {
            Browser who = as.apply(userByRoute.getOrDefault(probe.method() + " " + probe.route(), "admin"));
            HttpResponse<String> response =
                    who.send(probe.method(), probe.path(), probe.contentType(), probe.bytes(), null);
            int status = response.statusCode();
            byStatus.merge(status, 1, Integer::sum);
            String line = probe.method() + " "
                    + probe.path().substring(0, Math.min(80, probe.path().length()))
                    + " [" + probe.what() + "] as " + who.user() + " → " + status + " "
                    + BadInputCampaign.abbreviate(response.body());
            if (status >= 500) {
                broken.add(line);
            } else if (status >= 400 && !frenchMessage(response.body())) {
                unexplained.add(line);
            }
        }
        System.out.printf(
                "bad-input campaign: %d requests on %d write routes; by status %s; 5xx: %d; "
                        + "4xx without a French message: %d%n",
                probes.size(),
                BadInputCampaign.writeRoutes(mappings).size(),
                byStatus,
                broken.size(),
                unexplained.size());
        broken.forEach(b -> System.out.println("  5xx: " + b));
        unexplained.forEach(u -> System.out.println("  unexplained: " + u));
        assertThat(probes.size()).isGreaterThanOrEqualTo(1_000);
        assertThat(broken).as("5xx answers:\n  " + String.join("\n  ", broken)).isEmpty();
        assertThat(unexplained)
                .as("refusals without a French message:\n  " + String.join("\n  ", unexplained))
                .isEmpty();
    }

    /**
     * The public verification's file upload (issue 15): a 20 MB file, a file that is no PDF, an empty file,
     * no file at all, and an empty text get clear French refusals, never a 5xx.
     */
    @Test
    void theProvenanceUploadRefusesWhatItCannotTakeInFrench() {
        Browser anyone = new Browser(port, "alice").loggedIn();
        String path = "/api/public/provenance/verify/document";
        Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
        byte[] twenty = new byte[20 * 1024 * 1024];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, twenty, 0, 8);
        answers.put("20 MB", upload(anyone, path, "file", "gros.pdf", twenty));
        answers.put(
                "not a PDF",
                upload(anyone, path, "file", "photo.pdf", "GIF89a pas un PDF".getBytes(StandardCharsets.UTF_8)));
        answers.put("empty file", upload(anyone, path, "file", "vide.pdf", new byte[0]));
        answers.put(
                "no file part",
                upload(anyone, path, "autre", "courrier.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
        answers.put("empty text", anyone.json("POST", "/api/public/provenance/verify", "{\"text\":\"\"}"));
        answers.put("not a record", anyone.json("POST", "/api/public/provenance/verify", "{\"record\":\"a.b\"}"));
        answers.put("bad hash", anyone.get("/api/public/provenance/" + "z".repeat(64)));
        answers.forEach((what, response) -> {
            System.out.println("provenance upload [" + what + "] → " + response.statusCode() + " "
                    + BadInputCampaign.abbreviate(response.body()));
            assertThat(response.statusCode()).as(what).isLessThan(500);
        });
        assertThat(answers.get("20 MB").statusCode()).isEqualTo(413);
        assertThat(answers.get("not a PDF").statusCode()).isEqualTo(400);
        assertThat(answers.get("empty file").statusCode()).isEqualTo(400);
        assertThat(answers.get("no file part").statusCode()).isEqualTo(400);
        assertThat(answers.get("empty text").statusCode()).isEqualTo(400);
        assertThat(answers.get("bad hash").statusCode()).isEqualTo(400);
        answers.forEach((what, response) -> {
            if (response.statusCode() >= 400) {
                assertThat(frenchMessage(response.body()))
                        .as(what + ": " + response.body())
                        .isTrue();
            }
        });
        assertThat(answers.get("not a record").statusCode()).isEqualTo(200);
        assertThat(answers.get("not a record").body()).contains("UNKNOWN");
    }

    private static HttpResponse<String> upload(Browser who, String path, String part, String filename, byte[] content) {
        String boundary = "----tandem-campagne-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                        + filename + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(tail);
        return who.send("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), null);
    }

    private boolean frenchMessage(String body) {
        try {
            JsonNode message = json.readTree(body).get("message");
            return message != null
                    && message.isTextual()
                    && FRENCH.matcher(message.asText()).find();
        } catch (Exception e) {
            return false;
        }
    }
}
