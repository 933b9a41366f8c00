package org.tandem.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Generates malformed requests for every write route of /api: wrong types, missing and extra
 * fields, huge payloads, invalid ids, and unicode, HTML and script in every text field. The bodies
 * start from a valid one built from the route's @RequestBody record, then break one field at a time.
 */
final class BadInputCampaign {

    /** @param raw the body's bytes when they are not text (an uploaded file); null: {@code body} in UTF-8 */
    record Probe(String method, String route, String path, String contentType, String body, String what, byte[] raw) {

        Probe(String method, String route, String path, String contentType, String body, String what) {
            this(method, route, path, contentType, body, what, null);
        }

        byte[] bytes() {
            return raw != null ? raw : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static final List<String> TEXTS = List.of(
            "<script>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=2\">",
            "\"><svg/onload=alert(1)>",
            "javascript:alert(1)",
            "'; drop table content_case; --",
            "Zoë Ĳsselmeer — «guillemets» ‘quotes’ 😀🚗💥 \u202Eélbatpecca\u202C",
            "nul\u0000byte",
            "\uD800 lone surrogate",
            "   ",
            "x".repeat(60_000),
            "\u200B\u200C\u200D\uFEFF",
            "%00%0d%0aSet-Cookie: a=b",
            "${jndi:ldap://127.0.0.1/a}",
            "#{7*7} ${7*7} {{7*7}}",
            "ligne\r\nX-Injected: 1",
            "\u0007\u001b[31mrouge\u001b[0m",
            "مرحبا بالعالم שלום",
            "é".repeat(30_000),
            "../../../../etc/passwd");

    static final List<String> IDS = List.of(
            "abc",
            "-1",
            "0",
            "99999999999999999999999",
            "1e3",
            "%2e%2e%2f%2e%2e",
            "%00",
            "x".repeat(300),
            "%F0%9F%98%80",
            "1;select",
            "null");

    static final List<String> RAW_BODIES = List.of(
            "",
            "{",
            "}",
            "[]",
            "null",
            "\"chaîne\"",
            "42",
            "true",
            "<xml>non</xml>",
            "{\"a\":",
            "{\"a\":1,\"a\":2}",
            "[" + "[".repeat(5000) + "]".repeat(5000) + "]",
            "{\"" + "k".repeat(10_000) + "\":1}");

    private final ObjectMapper json = new ObjectMapper();

    /** Write routes of /api and the class of their JSON body (null when they take none). */
    static Map<String, Class<?>> writeRoutes(RequestMappingHandlerMapping mappings) {
        Map<String, Class<?>> routes = new java.util.TreeMap<>();
        mappings.getHandlerMethods()
                .forEach((info, handler) -> info.getPatternValues().stream()
                        .filter(p -> p.startsWith("/api/"))
                        .forEach(p -> info.getMethodsCondition().getMethods().stream()
                                .filter(m ->
                                        m != RequestMethod.GET && m != RequestMethod.HEAD && m != RequestMethod.OPTIONS)
                                .forEach(m -> routes.put(m.name() + " " + p, bodyType(handler)))));
        return routes;
    }

    private static Class<?> bodyType(HandlerMethod handler) {
        for (Parameter parameter : handler.getMethod().getParameters()) {
            if (parameter.isAnnotationPresent(RequestBody.class)
                    || parameter.getType() == org.springframework.web.multipart.MultipartFile.class) {
                return parameter.getType();
            }
        }
        return null;
    }

    /** Probes for one route; {@code fixtures} replaces each {name} of the route with a sensible value. */
    List<Probe> probes(String method, String route, Class<?> bodyType, Map<String, String> fixtures) {
        List<Probe> probes = new ArrayList<>();
        String validPath = fill(route, fixtures, null);
        ObjectNode valid = validBody(bodyType);
        // a body the route accepts, so that each broken field is the only thing wrong
        String known = fixtures.get("body:" + method + " " + route);
        if (known != null) {
            try {
                valid.setAll((ObjectNode) json.readTree(known));
            } catch (Exception e) {
                throw new IllegalArgumentException(known, e);
            }
        }
        String validBody = valid.toString();
        // invalid ids in each path variable
        Matcher variables = Pattern.compile("\\{(\\w+)}").matcher(route);
        while (variables.find()) {
            String name = variables.group(1);
            for (String id : IDS) {
                probes.add(new Probe(
                        method,
                        route,
                        fill(route, fixtures, Map.of(name, id)),
                        "application/json",
                        validBody,
                        "id " + name + "=" + abbreviate(id)));
            }
        }
        for (String raw : RAW_BODIES) {
            probes.add(new Probe(method, route, validPath, "application/json", raw, "raw body " + abbreviate(raw)));
        }
        probes.add(new Probe(method, route, validPath, "text/plain", validBody, "text/plain"));
        probes.add(new Probe(method, route, validPath, "application/x-www-form-urlencoded", "a=1&b=2", "form body"));
        probes.add(new Probe(
                method,
                route,
                validPath,
                "application/json",
                "{\"padding\":\"" + "a".repeat(5_000_000) + "\"}",
                "5 MB body"));
        if (bodyType == org.springframework.web.multipart.MultipartFile.class) {
            probes.addAll(BadUploads.probes(method, route, validPath));
        }
        ObjectNode extra = valid.deepCopy();
        extra.put("unexpected", "<b>extra</b>").putObject("nested").put("deep", true);
        probes.add(new Probe(method, route, validPath, "application/json", extra.toString(), "extra fields"));
        if (bodyType != null && bodyType.isRecord()) {
            for (RecordComponent field : bodyType.getRecordComponents()) {
                String name = field.getName();
                ObjectNode missing = valid.deepCopy();
                missing.remove(name);
                probes.add(
                        new Probe(method, route, validPath, "application/json", missing.toString(), name + " missing"));
                for (Object wrong : new Object[] {
                    null, 12345, -1.5e308, Long.MAX_VALUE, true, List.of("a", "b"), List.of(), Map.of("x", 1), ""
                }) {
                    ObjectNode body = valid.deepCopy();
                    body.set(name, json.valueToTree(wrong));
                    probes.add(new Probe(
                            method,
                            route,
                            validPath,
                            "application/json",
                            body.toString(),
                            name + " = " + abbreviate(String.valueOf(wrong))));
                }
                for (String text : TEXTS) {
                    ObjectNode body = valid.deepCopy();
                    body.put(name, text);
                    probes.add(new Probe(
                            method,
                            route,
                            validPath,
                            "application/json",
                            body.toString(),
                            name + " text " + abbreviate(text)));
                }
            }
        }
        return probes;
    }

    /** A plausible body: strings "texte", enums their first constant, numbers 1, booleans true. */
    ObjectNode validBody(Class<?> type) {
        ObjectNode body = json.createObjectNode();
        if (type == null || !type.isRecord()) {
            return body;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            if (t.isEnum()) {
                body.put(c.getName(), t.getEnumConstants()[0].toString());
            } else if (t == Boolean.class || t == boolean.class) {
                body.put(c.getName(), true);
            } else if (Number.class.isAssignableFrom(t) || t.isPrimitive()) {
                body.put(c.getName(), 1);
            } else if (t == String.class) {
                body.put(c.getName(), "texte");
            } else if (List.class.isAssignableFrom(t) || java.util.Set.class.isAssignableFrom(t)) {
                body.putArray(c.getName());
            } else {
                body.putObject(c.getName());
            }
        }
        return body;
    }

    private static String fill(String route, Map<String, String> fixtures, Map<String, String> override) {
        Map<String, String> values = new LinkedHashMap<>(fixtures);
        if (override != null) {
            values.putAll(override);
        }
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(route);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "1")));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String abbreviate(String s) {
        String flat = s.replaceAll("\\p{Cntrl}", "·");
        return flat.length() > 40 ? flat.substring(0, 40) + "…(" + s.length() + ")" : flat;
    }
}
