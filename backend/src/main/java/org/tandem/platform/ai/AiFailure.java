package org.tandem.platform.ai;

import java.time.Duration;

/**
 * Why a model call failed, in terms the worker can act on and a person can read.
 *
 * @param retryAfter the delay the provider asked for (or a default for a 429); null when none
 * @param reasonFr   shown on the case, in French
 */
public record AiFailure(Kind kind, Duration retryAfter, String reasonFr) {

    public enum Kind {
        /** 429: too many requests; wait {@code retryAfter}. */
        RATE_LIMITED(true),
        /** 5xx, or the server cannot be reached. */
        UNAVAILABLE(true),
        /** No answer within the configured timeout. */
        TIMEOUT(true),
        /** An answer that is not the provider's JSON. */
        MALFORMED_RESPONSE(true),
        /** 4xx other than 401/403/429: the same request would fail again. */
        INVALID_REQUEST(false),
        /** 401/403: the key is wrong or lacks rights; a person must fix the configuration. */
        AUTH(false),
        UNKNOWN(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
