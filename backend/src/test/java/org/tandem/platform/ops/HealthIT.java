package org.tandem.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/** Liveness and readiness probes for the load balancer; details for administrators only. */
@TandemIntegrationTest
class HealthIT {

    @Autowired
    MockMvc mvc;

    @Test
    void readinessIsUpAndReflectsTheDatabaseAndTheEngineButNotTheAiProvider() {
        Api api = new Api(mvc);
        Api.Response readiness = api.get("admin", "/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().path("status").asText()).isEqualTo("UP");
        assertThat(readiness.body().path("components").has("db")).isTrue();
        assertThat(readiness
                        .body()
                        .path("components")
                        .path("engine")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
        assertThat(readiness
                        .body()
                        .path("components")
                        .path("engine")
                        .path("details")
                        .path("jobExecutorActive")
                        .asBoolean())
                .isTrue();
        assertThat(readiness.body().path("components").has("aiProvider")).isFalse();

        Api.Response liveness = api.get(null, "/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theAiProviderShowsAsASeparateIndicatorForAdministrators() {
        Api.Response health = new Api(mvc).get("admin", "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        var provider = health.body().path("components").path("aiProvider");
        assertThat(provider.path("status").asText()).isEqualTo("UP");
        assertThat(provider.path("details").path("provider").asText()).isEqualTo("offline");
    }

    @Test
    void anonymousCallersAndNonAdministratorsSeeTheStatusOnly() {
        Api api = new Api(mvc);
        for (String user : new String[] {null, "alice"}) {
            for (String path : new String[] {"/actuator/health", "/actuator/health/readiness"}) {
                Api.Response response = api.get(user, path);
                assertThat(response.status()).as(path).isEqualTo(200);
                assertThat(response.body().path("status").asText()).isEqualTo("UP");
                assertThat(response.body().has("components"))
                        .as(user + " " + path)
                        .isFalse();
                assertThat(response.body().has("details")).isFalse();
            }
        }
    }
}
