package org.tandem.platform.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A model client built for other settings (a use case's own, the budget's smaller model) shares the JDK
 * client of the same connect timeout: no selector thread, descriptor or connection pool of its own — the
 * soak saw one more of each appear when the budget's smaller model was first used.
 */
class SharedProviderClientTest {

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().matches("HttpClient-\\d+-SelectorManager"))
                .count();
    }

    private static AiProperties openAiCompatible(String model, double temperature, Duration timeout) {
        return new AiProperties(
                AiProperties.Provider.OPENAI_COMPATIBLE,
                "http://127.0.0.1:9/v1",
                null,
                null,
                model,
                temperature,
                800,
                timeout,
                null);
    }

    @Test
    void modelClientsWithTheSameTimeoutShareOneJdkClientAndItsThread() {
        // a timeout no other test uses: the shared clients live as long as the JVM
        Duration timeout = Duration.ofMillis(17_317);
        long before = selectorThreads();
        ProviderChatModels.create(openAiCompatible("use-case-model", 0.2, timeout));
        assertThat(selectorThreads()).as("the first client starts its selector").isEqualTo(before + 1);
        ProviderChatModels.create(openAiCompatible("budget-smaller-model", 0.7, timeout));
        assertThat(selectorThreads())
                .as("another model, the same timeout: no new thread")
                .isEqualTo(before + 1);
        ProviderChatModels.create(openAiCompatible("use-case-model", 0.2, Duration.ofMillis(17_318)));
        assertThat(selectorThreads())
                .as("another connect timeout: a client of its own")
                .isEqualTo(before + 2);
    }

    @Test
    void aBuilderConfiguredBeyondItsTimeoutGetsItsOwnClient() {
        Duration timeout = Duration.ofMillis(18_419);
        HttpClient shared = new StatusAwareHttpClient.Builder(HttpClient.newBuilder())
                .connectTimeout(timeout)
                .build();
        HttpClient again = new StatusAwareHttpClient.Builder(HttpClient.newBuilder())
                .connectTimeout(timeout)
                .build();
        HttpClient own = new StatusAwareHttpClient.Builder(HttpClient.newBuilder())
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        assertThat(again).isSameAs(shared);
        assertThat(own).isNotSameAs(shared);
        assertThat(own.followRedirects()).isEqualTo(HttpClient.Redirect.NORMAL);
    }
}
