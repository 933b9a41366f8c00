package org.tandem.platform.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.tandem.platform.ai.AiFailure.Kind;

/**
 * Turns whatever a LangChain4j chat model threw into an {@link AiFailure}. LangChain4j 1.18.1 maps
 * HTTP statuses to its own exceptions (429 → RateLimitException, 5xx → InternalServerException,
 * 401/403 → AuthenticationException, 404 → ModelNotFoundException, 408 and JDK timeouts →
 * TimeoutException, other 4xx → InvalidRequestException) and keeps the HTTP error as the cause;
 * the whole cause chain is read, so the status decides even when a type is missing. Never throws.
 */
public final class AiFailures {

    /** When a 429 comes without Retry-After: long enough for a per-second or per-minute quota to refill. */
    public static final Duration DEFAULT_RATE_LIMIT_DELAY = Duration.ofSeconds(30);

    private AiFailures() {}

    public static AiFailure classify(Throwable failure) {
        if (failure == null) {
            return unknown(null);
        }
        try {
            return classify(chain(failure));
        } catch (RuntimeException unexpected) {
            // classifying must never be the thing that crashes the worker
            return unknown(failure);
        }
    }

    private static AiFailure classify(List<Throwable> chain) {
        Integer status = chain.stream()
                .filter(HttpException.class::isInstance)
                .map(t -> ((HttpException) t).statusCode())
                .findFirst()
                .orElse(null);
        Duration serverDelay = chain.stream()
                .filter(ProviderHttpException.class::isInstance)
                .map(t -> ((ProviderHttpException) t).retryAfter())
                .filter(d -> d != null)
                .findFirst()
                .orElse(null);

        if (has(chain, RateLimitException.class) || is(status, 429)) {
            Duration delay = serverDelay != null ? serverDelay : DEFAULT_RATE_LIMIT_DELAY;
            return new AiFailure(
                    Kind.RATE_LIMITED,
                    delay,
                    "le fournisseur d'IA est saturé (429), nouvel essai dans " + human(delay));
        }
        if (has(chain, AuthenticationException.class) || is(status, 401) || is(status, 403)) {
            return new AiFailure(
                    Kind.AUTH,
                    null,
                    "le fournisseur d'IA refuse la clé d'accès (" + (status == null ? "401/403" : status)
                            + ") : la configuration doit être corrigée par un administrateur");
        }
        if (has(chain, TimeoutException.class)
                || has(chain, HttpTimeoutException.class)
                || has(chain, SocketTimeoutException.class)
                || has(chain, java.util.concurrent.TimeoutException.class)
                || is(status, 408)) {
            return new AiFailure(Kind.TIMEOUT, null, "le fournisseur d'IA n'a pas répondu dans le délai imparti");
        }
        if (status == null && has(chain, InternalServerException.class) || unreadableByTheClient(chain.get(0))) {
            // a 200 whose JSON lacks what the client reads: OpenAI's client calls it an
            // InternalServerException with no HTTP status ("no choices returned"); Mistral's and
            // Ollama's fail on a null or an empty list while mapping it
            return new AiFailure(
                    Kind.MALFORMED_RESPONSE,
                    null,
                    "la réponse du fournisseur d'IA est incomplète (champs attendus absents)");
        }
        if (status != null && status >= 500 && status <= 599) {
            String retry = serverDelay == null ? "" : ", nouvel essai dans " + human(serverDelay);
            return new AiFailure(
                    Kind.UNAVAILABLE,
                    serverDelay,
                    "le fournisseur d'IA est indisponible (erreur " + status + ")" + retry);
        }
        if (has(chain, ConnectException.class)
                || has(chain, UnresolvedModelServerException.class)
                || has(chain, UnresolvedAddressException.class)) {
            return new AiFailure(Kind.UNAVAILABLE, null, "le fournisseur d'IA est injoignable (connexion impossible)");
        }
        if (has(chain, ModelNotFoundException.class) || is(status, 404)) {
            return new AiFailure(
                    Kind.INVALID_REQUEST,
                    null,
                    "le modèle demandé est introuvable chez le fournisseur d'IA (404) : vérifier la configuration");
        }
        if (has(chain, ContentFilteredException.class)) {
            return new AiFailure(
                    Kind.INVALID_REQUEST,
                    null,
                    "le fournisseur d'IA a filtré la demande (contenu refusé) : rédiger à la main");
        }
        if (has(chain, InvalidRequestException.class) || status != null && status >= 400 && status <= 499) {
            return new AiFailure(
                    Kind.INVALID_REQUEST,
                    null,
                    "le fournisseur d'IA a refusé la demande" + (status == null ? "" : " (" + status + ")")
                            + " : la renvoyer telle quelle échouerait encore");
        }
        if (has(chain, JsonProcessingException.class)) {
            return new AiFailure(
                    Kind.MALFORMED_RESPONSE, null, "la réponse du fournisseur d'IA est illisible (JSON invalide)");
        }
        return unknown(chain.get(0));
    }

    /** A NullPointerException (or alike) raised by LangChain4j's own mapping of the provider's answer. */
    private static boolean unreadableByTheClient(Throwable failure) {
        if (!(failure instanceof NullPointerException
                || failure instanceof IndexOutOfBoundsException
                || failure instanceof ClassCastException)) {
            return false;
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            String type = frame.getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return type.startsWith("dev.langchain4j.model.");
            }
        }
        return false;
    }

    private static AiFailure unknown(Throwable failure) {
        String type = failure == null ? "aucune exception" : failure.getClass().getSimpleName();
        return new AiFailure(
                Kind.UNKNOWN, null, "erreur inattendue lors de l'appel au fournisseur d'IA (" + type + ")");
    }

    /** "20 s", "2 min", "1 min 30 s": what a person reads on the case. */
    static String human(Duration d) {
        long seconds = Math.max(1, (d.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        long rest = seconds % 60;
        return rest == 0 ? minutes + " min" : minutes + " min " + rest + " s";
    }

    private static boolean is(Integer status, int expected) {
        return status != null && status == expected;
    }

    private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().anyMatch(type::isInstance);
    }

    /** The failure and its causes, outermost first; safe against cycles. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
