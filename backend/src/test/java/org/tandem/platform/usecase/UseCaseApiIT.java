package org.tandem.platform.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/** GET /api/use-cases: what the request form lists of each use case, for any signed-in person. */
@TandemIntegrationTest
class UseCaseApiIT {

    @Autowired
    MockMvc mvc;

    @Test
    void theUseCasesAreListedForEverySignedInPersonInKeyOrder() {
        Api api = new Api(mvc);
        Api.Response list = api.get("marc", "/api/use-cases");
        assertThat(list.status()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        list.body().forEach(u -> listed.add(u.get("key").asText()));
        assertThat(listed)
                .startsWith(
                        "claim-summary",
                        "knowledge-answer",
                        "meeting-report",
                        "member-chatbot",
                        "record-extraction",
                        "reply-letter")
                .isSorted();
        JsonNode letter = list.body().get(listed.indexOf("reply-letter"));
        assertThat(letter.get("name").asText()).isEqualTo("Courrier de réponse à un sociétaire");
        assertThat(letter.get("nameEn").asText()).isEqualTo("Reply letter to a member");
        assertThat(letter.get("description").asText()).startsWith("L'IA prépare un projet de courrier");
        assertThat(letter.get("category").asText()).isEqualTo("assistant");
        assertThat(letter.get("memberRequired").asBoolean()).isTrue();
        assertThat(letter.has("prePrompt"))
                .as("the pre-prompt stays on the server")
                .isFalse();
        assertThat(list.body()
                        .get(listed.indexOf("knowledge-answer"))
                        .get("memberRequired")
                        .asBoolean())
                .isFalse();
        assertThat(api.get(null, "/api/use-cases").status()).isEqualTo(401);
    }
}
