package org.tandem.platform.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.tandem.platform.ai.AiFailure.Kind;

/** Classification of exceptions as LangChain4j 1.18.1 builds them, without Tandem's transport too. */
class AiFailuresTest {

    @Test
    void langChain4jsOwnHttpExceptionIsClassifiedByItsStatus() {
        // what a model built without StatusAwareHttpClient throws: no Retry-After available
        AiFailure limited = AiFailures.classify(new RateLimitException(new HttpException(429, "{}")));
        assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(AiFailures.DEFAULT_RATE_LIMIT_DELAY);

        assertThat(AiFailures.classify(new HttpException(503, "busy")).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(AiFailures.classify(new HttpException(401, "no")).kind()).isEqualTo(Kind.AUTH);
        assertThat(AiFailures.classify(new HttpException(400, "bad")).kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(AiFailures.classify(new HttpException(408, "slow")).kind()).isEqualTo(Kind.TIMEOUT);
    }

    @Test
    void typesWithoutStatusAreClassifiedByType() {
        assertThat(AiFailures.classify(new AuthenticationException("bad key")).kind())
                .isEqualTo(Kind.AUTH);
        assertThat(AiFailures.classify(new TimeoutException("slow")).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(AiFailures.classify(new UnresolvedModelServerException("dns"))
                        .kind())
                .isEqualTo(Kind.UNAVAILABLE);
        AiFailure filtered = AiFailures.classify(new ContentFilteredException("filtered"));
        assertThat(filtered.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(filtered.reasonFr()).contains("filtré");
        assertThat(AiFailures.classify(new RuntimeException(new JsonParseException(null, "bad")))
                        .kind())
                .isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    @Test
    void aServerErrorWithStatusIsUnavailableButOneWithoutIsTheClientRejectingTheAnswer() {
        assertThat(AiFailures.classify(new InternalServerException(new HttpException(500, "oops")))
                        .kind())
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(AiFailures.classify(new InternalServerException("no choices returned in response"))
                        .kind())
                .isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    @Test
    void anythingElseIsUnknownAndRetryable() {
        AiFailure failure = AiFailures.classify(new IllegalStateException("boom"));
        assertThat(failure.kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.reasonFr()).contains("IllegalStateException");
        assertThat(AiFailures.classify(new NullPointerException()).kind())
                .as("a NullPointerException of our own code is not the provider's fault")
                .isEqualTo(Kind.UNKNOWN);
        assertThat(AiFailures.classify(null).kind()).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void neverThrowsEvenOnACyclicCauseChain() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(AiFailures.classify(a).kind()).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void onlyRateLimitsUnavailabilityTimeoutsAndGarbageAreRetried() {
        assertThat(Kind.AUTH.retryable()).isFalse();
        assertThat(Kind.INVALID_REQUEST.retryable()).isFalse();
        assertThat(Kind.RATE_LIMITED.retryable()).isTrue();
        assertThat(Kind.UNAVAILABLE.retryable()).isTrue();
        assertThat(Kind.TIMEOUT.retryable()).isTrue();
        assertThat(Kind.MALFORMED_RESPONSE.retryable()).isTrue();
    }

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneOffset.UTC);
        assertThat(ProviderHttpException.parseRetryAfter("20", now)).isEqualTo(Duration.ofSeconds(20));
        assertThat(ProviderHttpException.parseRetryAfter(" 1.5 ", now)).isEqualTo(Duration.ofMillis(1500));
        assertThat(ProviderHttpException.parseRetryAfter("Sun, 22 Nov 2026 10:01:30 GMT", now))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(ProviderHttpException.parseRetryAfter("Sun, 22 Nov 2026 09:00:00 GMT", now))
                .isEqualTo(Duration.ZERO);
        assertThat(ProviderHttpException.parseRetryAfter("soon", now)).isNull();
        assertThat(ProviderHttpException.parseRetryAfter("-3", now)).isNull();
        assertThat(ProviderHttpException.parseRetryAfter(null, now)).isNull();
    }

    @Test
    void delaysReadNaturally() {
        assertThat(AiFailures.human(Duration.ofSeconds(20))).isEqualTo("20 s");
        assertThat(AiFailures.human(Duration.ofMillis(200))).isEqualTo("1 s");
        assertThat(AiFailures.human(Duration.ofSeconds(120))).isEqualTo("2 min");
        assertThat(AiFailures.human(Duration.ofSeconds(90))).isEqualTo("1 min 30 s");
    }
}
