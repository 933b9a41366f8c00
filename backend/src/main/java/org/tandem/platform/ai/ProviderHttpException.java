package org.tandem.platform.ai;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * An HTTP error from a model provider, with the server's Retry-After. LangChain4j's own
 * {@link HttpException} carries only the status and the body (1.18.1's JDK client drops the
 * headers), so the transport raises this subclass instead: LangChain4j still maps it by status
 * (429 → RateLimitException…) and keeps it as the cause, where {@link AiFailures} finds the delay.
 */
public class ProviderHttpException extends HttpException {

    private final transient Duration retryAfter;

    public ProviderHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    /** The delay the server asked for, or null when it gave none (or one we cannot read). */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Retry-After is either seconds ("20") or an HTTP date (RFC 9110 §10.2.3). */
    static Duration parseRetryAfter(String value, ZonedDateTime now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            double seconds = Double.parseDouble(v);
            return seconds < 0 ? null : Duration.ofMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
