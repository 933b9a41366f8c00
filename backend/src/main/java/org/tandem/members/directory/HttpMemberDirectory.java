package org.tandem.members.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.members.Member;
import org.tandem.members.MemberDirectory;
import org.tandem.members.MemberDirectoryUnavailable;
import org.tandem.members.MemberDirectoryUnavailable.Reason;

/**
 * The connector to the insurer's member system, as docs/members.md specifies it: {@code GET
 * {base}/members?q=&limit=} to search by name or number, {@code GET {base}/members/{id}} to fetch one.
 * Every call is bounded by the configured time-out (answer included) and reads at most 1 MB; anything
 * outside the contract (a status, a field, a type) is an unavailable directory, never a member.
 */
final class HttpMemberDirectory implements MemberDirectory {

    /** The shortest text searched: the member system is not asked to list its members. */
    static final int MIN_SEARCH = 2;
    /** The largest answer read. */
    static final int MAX_BODY_BYTES = 1_000_000;

    private static final Logger log = LoggerFactory.getLogger(HttpMemberDirectory.class);

    private final URI base;
    private final Duration timeout;
    private final String authorization;
    private final HttpClient client;
    private final ObjectMapper json;

    HttpMemberDirectory(MembersProperties.Http config, ObjectMapper json) {
        if (config.baseUrl() == null || config.baseUrl().toString().isBlank()) {
            throw new IllegalStateException(
                    "tandem.members.directory=http needs tandem.members.http.base-url (TANDEM_MEMBERS_URL)");
        }
        String scheme = config.baseUrl().getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalStateException(
                    "tandem.members.http.base-url must be an http or https URL: " + config.baseUrl());
        }
        String url = config.baseUrl().toString();
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.timeout = config.timeout();
        this.authorization = switch (config.authentication()) {
            case "BEARER" -> "Bearer " + config.token().strip();
            case "BASIC" ->
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (config.username() + ":" + (config.password() == null ? "" : config.password()))
                                                .getBytes(StandardCharsets.UTF_8));
            default -> null;
        };
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = json;
    }

    URI baseUrl() {
        return base;
    }

    @Override
    public Kind kind() {
        return Kind.HTTP;
    }

    @Override
    public List<Member> search(String text, int limit) {
        if (text.strip().length() < MIN_SEARCH) {
            return List.of();
        }
        URI uri = URI.create(base + "/members?q=" + encode(text.strip()) + "&limit=" + limit);
        Answer answer = call(uri);
        if (answer.status() != 200) {
            throw unexpected(answer.status());
        }
        JsonNode list = parse(answer.body()).get("members");
        if (list == null || !list.isArray()) {
            throw malformed("no \"members\" array");
        }
        List<Member> members = new ArrayList<>();
        for (JsonNode node : list) {
            if (members.size() == limit) {
                break;
            }
            members.add(member(node));
        }
        return members;
    }

    @Override
    public Optional<Member> find(String id) {
        if (id == null || id.isBlank() || id.length() > MemberFields.ID_MAX) {
            return Optional.empty();
        }
        Answer answer = call(URI.create(base + "/members/" + encode(id)));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw unexpected(answer.status());
        }
        Member member = member(parse(answer.body()));
        if (!member.id().equals(id)) {
            throw malformed("asked for one member number, got another");
        }
        return Optional.of(member);
    }

    private record Answer(int status, byte[] body) {}

    private Answer call(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "Tandem");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request.build(), limited());
        try {
            // the request's own time-out stops at the headers: this one bounds the body too
            HttpResponse<byte[]> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                log.error(
                        "The member system refused Tandem's credentials (HTTP {}): check tandem.members.http.*",
                        response.statusCode());
                throw new MemberDirectoryUnavailable(
                        Reason.REFUSED,
                        "L'annuaire des sociétaires refuse l'accès de Tandem (HTTP " + response.statusCode()
                                + ") : l'administrateur doit vérifier ses identifiants.");
            }
            if (response.statusCode() >= 500) {
                log.warn("The member system failed: HTTP {}", response.statusCode());
                throw new MemberDirectoryUnavailable(
                        Reason.FAILED,
                        "L'annuaire des sociétaires est en erreur (HTTP " + response.statusCode() + ").");
            }
            return new Answer(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timedOut();
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw timedOut();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
                throw timedOut();
            }
            if (cause instanceof TooLarge) {
                throw malformed("answer larger than " + MAX_BODY_BYTES + " bytes");
            }
            log.warn("The member system is unreachable: {}", cause == null ? e : cause.toString());
            throw new MemberDirectoryUnavailable(
                    Reason.UNREACHABLE,
                    cause instanceof ConnectException
                            ? "L'annuaire des sociétaires est injoignable."
                            : "La connexion à l'annuaire des sociétaires a échoué.");
        }
    }

    private MemberDirectoryUnavailable timedOut() {
        log.warn("The member system did not answer within {} ms", timeout.toMillis());
        return new MemberDirectoryUnavailable(
                Reason.TIMEOUT, "L'annuaire des sociétaires n'a pas répondu dans les " + seconds(timeout) + ".");
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.FRANCE, "%.1f s", ms / 1000.0);
    }

    private MemberDirectoryUnavailable unexpected(int status) {
        log.warn("The member system answered HTTP {}, outside its contract", status);
        return new MemberDirectoryUnavailable(
                Reason.FAILED, "L'annuaire des sociétaires a fait une réponse inattendue (HTTP " + status + ").");
    }

    private MemberDirectoryUnavailable malformed(String why) {
        log.warn("The member system's answer is outside its contract: {}", why);
        return new MemberDirectoryUnavailable(
                Reason.MALFORMED, "L'annuaire des sociétaires a fait une réponse illisible.");
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw malformed("not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed(e.toString());
        }
    }

    /** A member of the contract; a missing or mistyped field makes the whole answer malformed. */
    private Member member(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw malformed("a member is not a JSON object");
        }
        try {
            String birthDate = optional(node, "birthDate", 10);
            return new Member(
                    required(node, "id", MemberFields.ID_MAX),
                    required(node, "firstName", MemberFields.NAME_MAX),
                    required(node, "lastName", MemberFields.NAME_MAX),
                    birthDate == null ? null : LocalDate.parse(birthDate),
                    optional(node, "email", MemberFields.EMAIL_MAX),
                    optional(node, "phone", MemberFields.PHONE_MAX),
                    optional(node, "address", MemberFields.ADDRESS_MAX),
                    optional(node, "city", MemberFields.CITY_MAX),
                    optional(node, "policyNumber", MemberFields.POLICY_MAX));
        } catch (DateTimeParseException e) {
            throw malformed("birthDate is not an ISO date");
        }
    }

    private String required(JsonNode node, String field, int max) {
        String value = optional(node, field, max);
        if (value == null || value.isBlank()) {
            throw malformed("a member has no " + field);
        }
        return value;
    }

    private String optional(JsonNode node, String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw malformed(field + " is not a string");
        }
        String text = value.asText().strip();
        if (text.length() > max || MemberFields.hasControlCharacters(text)) {
            throw malformed(field + " is longer than " + max + " characters or holds control characters");
        }
        return text.isEmpty() ? null : text;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An answer larger than {@link #MAX_BODY_BYTES}. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("answer too large");
        }
    }

    /** Reads the body into memory, refusing it past {@link #MAX_BODY_BYTES}. */
    private static HttpResponse.BodyHandler<byte[]> limited() {
        return info -> new HttpResponse.BodySubscriber<>() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            private final CompletableFuture<byte[]> result = new CompletableFuture<>();
            private Flow.Subscription subscription;

            @Override
            public CompletionStage<byte[]> getBody() {
                return result;
            }

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> items) {
                for (ByteBuffer item : items) {
                    if (buffer.size() + item.remaining() > MAX_BODY_BYTES) {
                        subscription.cancel();
                        result.completeExceptionally(new TooLarge());
                        return;
                    }
                    byte[] bytes = new byte[item.remaining()];
                    item.get(bytes);
                    buffer.writeBytes(bytes);
                }
            }

            @Override
            public void onError(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                result.complete(buffer.toByteArray());
            }
        };
    }
}
