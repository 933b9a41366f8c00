package org.tandem.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A person over real HTTP, as the React app does it: session cookie from the form login, the CSRF
 * cookie echoed in X-XSRF-TOKEN on writes. With {@code basic}, also sends HTTP Basic (the engine's
 * REST API takes nothing else).
 */
public final class Browser {

    private final String base;
    private final String user;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private boolean basic;

    public Browser(int port, String user) {
        this.base = "http://localhost:" + port;
        this.user = user;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new LoopbackIsSecure(cookies))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Like a browser, treats http://localhost and http://127.0.0.1 as a secure context: their cookies
     * marked Secure (Keycloak's, in dev mode) are sent back. Java's CookieManager alone would drop them.
     */
    private static final class LoopbackIsSecure extends java.net.CookieHandler {
        private final CookieManager cookies;

        LoopbackIsSecure(CookieManager cookies) {
            this.cookies = cookies;
        }

        @Override
        public java.util.Map<String, java.util.List<String>> get(
                URI uri, java.util.Map<String, java.util.List<String>> headers) throws java.io.IOException {
            boolean loopback = "http".equals(uri.getScheme())
                    && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()));
            if (!loopback) {
                return cookies.get(uri, headers);
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return cookies.get(URI.create("https://" + uri.getRawAuthority() + path), headers);
        }

        @Override
        public void put(URI uri, java.util.Map<String, java.util.List<String>> headers) throws java.io.IOException {
            cookies.put(uri, headers);
        }
    }

    public String user() {
        return user;
    }

    /** Fetches the CSRF cookie, then logs in through the form (nothing to do for an anonymous browser). */
    public HttpResponse<String> login(String password) {
        send("GET", "/api/me", null, null);
        return send(
                "POST",
                "/login",
                "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    public Browser loggedIn() {
        if (user != null) {
            HttpResponse<String> r = login(user);
            if (r.statusCode() != 200) {
                throw new AssertionError("login of " + user + ": " + r.statusCode() + " " + r.body());
            }
            send("GET", "/api/me", null, null);
        } else {
            send("GET", "/api/me", null, null);
        }
        return this;
    }

    public Browser withBasic() {
        this.basic = true;
        return this;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Follows a redirect by hand, wherever it points (e.g. an OIDC provider). */
    public HttpResponse<String> absolute(String url) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST of a form to any address, with this browser's cookies (an OIDC provider's login form). */
    public HttpResponse<String> absolutePostForm(String url, String form) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    public HttpResponse<String> json(String method, String path, String body) {
        return send(method, path, "application/json", body);
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), null);
    }

    public HttpResponse<String> send(String method, String path, String contentType, byte[] body, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        String xsrf = cookie("XSRF-TOKEN");
        if (xsrf != null && !"GET".equals(method)) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (basic && user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
