package org.tandem.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/** The chatbot API is for the member portal's service account only, and explains its refusals. */
@TandemIntegrationTest
class ChatbotApiIT {

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void onlyTheServiceAccountTalksToTheChatbot() {
        var question =
                Map.of("memberId", "M-1005", "question", "Comment obtenir une attestation d'assurance habitation ?");
        assertThat(api.post("alice", "/api/chat", question).status()).isEqualTo(403);
        assertThat(api.post(null, "/api/chat", question).status()).isEqualTo(401);
        Api.Response asked = api.post("portal", "/api/chat", question);
        assertThat(asked.status()).isEqualTo(202);
        long id = asked.body().get("id").asLong();
        assertThat(api.get("portal", "/api/chat/" + id).status()).isEqualTo(200);
        assertThat(api.get("bob", "/api/chat/" + id).status()).isEqualTo(403);
        assertThat(api.get("portal", "/api/chat/999999").status()).isEqualTo(404);
    }

    @Test
    void badQuestionsAndEarlyHandOffsAreExplained() {
        Api.Response empty = api.post("portal", "/api/chat", Map.of("memberId", "M-1005", "question", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("message").asText()).isEqualTo("La question est vide.");
        Api.Response unknownMember =
                api.post("portal", "/api/chat", Map.of("memberId", "M-0000", "question", "Bonjour"));
        assertThat(unknownMember.status()).isEqualTo(400);
        long id = api.post("portal", "/api/chat", Map.of("memberId", "M-1005", "question", "Bonjour"))
                .body()
                .get("id")
                .asLong();
        // no standing authorisation in this context: the question went to an adviser, nothing to hand off
        Api.Response handOff = api.post("portal", "/api/chat/" + id + "/handoff", Map.of());
        assertThat(handOff.status()).isEqualTo(409);
        assertThat(handOff.body().get("message").asText()).contains("n'attend pas de conseiller");
    }
}
