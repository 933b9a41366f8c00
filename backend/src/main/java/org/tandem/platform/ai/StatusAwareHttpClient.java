package org.tandem.platform.ai;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK HTTP client under LangChain4j's own JDK client, seeing the response headers that
 * LangChain4j drops: an error response becomes a {@link ProviderHttpException} with the server's
 * Retry-After. Everything else (request building, timeouts, streaming) stays LangChain4j's.
 * Only Java 17's abstract methods are forwarded; the close/shutdown methods Java 21 added are not,
 * and LangChain4j 1.18.1 never calls them. The JDK clients are shared: every model client asking for the same
 * connect timeout (and nothing else) gets the same one, with its one connection pool and selector thread — a
 * use case's own settings, or the budget's smaller model, add no thread, descriptor or connection of their own.
 */
final class StatusAwareHttpClient extends HttpClient {

    /** JDK clients by connect timeout (empty: the JDK's default), for builders configured with nothing else. */
    private static final Map<Optional<Duration>, HttpClient> SHARED = new ConcurrentHashMap<>();

    private final HttpClient delegate;

    private StatusAwareHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    /** The builder to hand to a LangChain4j model builder's {@code httpClientBuilder(...)}. */
    static HttpClientBuilder langChain4jBuilder() {
        return new JdkHttpClientBuilder().httpClientBuilder(new Builder(HttpClient.newBuilder()));
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<T> response = delegate.send(request, handler);
        int status = response.statusCode();
        // LangChain4j's synchronous calls read bytes; it treats anything outside 2xx as an error too
        if ((status < 200 || status > 299) && response.body() instanceof byte[] bytes) {
            Duration retryAfter = ProviderHttpException.parseRetryAfter(
                    response.headers().firstValue("Retry-After").orElse(null), ZonedDateTime.now());
            throw new ProviderHttpException(status, new String(bytes, StandardCharsets.UTF_8), retryAfter);
        }
        return response;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, handler, pushPromiseHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    /**
     * Configures the real JDK builder; wraps what it builds, the shared client when only a connect timeout was
     * set (what LangChain4j's JDK client sets).
     */
    static final class Builder implements HttpClient.Builder {

        private final HttpClient.Builder delegate;
        private Duration connectTimeout;
        private boolean customised;

        Builder(HttpClient.Builder delegate) {
            this.delegate = delegate;
        }

        @Override
        public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            customised = true;
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            connectTimeout = duration;
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext sslContext) {
            delegate.sslContext(sslContext);
            customised = true;
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            customised = true;
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            delegate.executor(executor);
            customised = true;
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(Redirect policy) {
            delegate.followRedirects(policy);
            customised = true;
            return this;
        }

        @Override
        public HttpClient.Builder version(Version version) {
            delegate.version(version);
            customised = true;
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            delegate.priority(priority);
            customised = true;
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            customised = true;
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            delegate.authenticator(authenticator);
            customised = true;
            return this;
        }

        @Override
        public HttpClient build() {
            if (customised) {
                return new StatusAwareHttpClient(delegate.build());
            }
            return SHARED.computeIfAbsent(
                    Optional.ofNullable(connectTimeout), timeout -> new StatusAwareHttpClient(delegate.build()));
        }
    }
}
