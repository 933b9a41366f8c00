package org.tandem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.members.Member;
import org.tandem.members.MemberRepository;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/**
 * The data protection officer's screen in Chromium (frontend/e2e/privacy-path.mjs, issue 16): a member
 * of this test files a request, then dora previews, is refused a reason holding a name, erases and
 * verifies the audit chains; axe on each state at 1366×900.
 */
@TandemIntegrationTest
class PrivacyBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberRepository members;

    @Test
    void theOfficerErasesAMembersDataInChromium() throws Exception {
        members.insertIfAbsent(new Member(
                "M-9180",
                "Apolline",
                "Verdier",
                LocalDate.of(1990, 1, 9),
                "apolline.verdier@example.net",
                "06 12 98 34 76",
                "4 rue des Glycines",
                "Niort",
                "MRH-2021-550913"));
        Api.Response filed = new Api(mvc)
                .post(
                        "alice",
                        "/api/cases",
                        Map.of(
                                "useCaseKey",
                                "reply-letter",
                                "memberId",
                                "M-9180",
                                "subject",
                                "Attestation",
                                "message",
                                "Bonjour, Apolline Verdier : il me faut une attestation d'assurance habitation."));
        assertThat(filed.status()).isEqualTo(201);
        BrowserScenario.run(port, "privacy-path.mjs", 180, Map.of("MEMBER_ID", "M-9180"));
    }
}
