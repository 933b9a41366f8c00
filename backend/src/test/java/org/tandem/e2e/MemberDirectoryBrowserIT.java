package org.tandem.e2e;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.support.FakeMemberSystem;
import org.tandem.support.HttpMemberDirectoryTest;

/**
 * The request form with the insurer's member system as directory, in Chromium
 * (frontend/e2e/member-directory-path.mjs) at 1366×900, axe on each screen: the picker searches the
 * member system (a local server speaking the contract of docs/members.md); when it fails, the form
 * says so in French next to the member and keeps everything typed, and the same request goes through
 * once it answers; the administrator sees the connection and checks it.
 */
@HttpMemberDirectoryTest
class MemberDirectoryBrowserIT {

    static final FakeMemberSystem SYSTEM = FakeMemberSystem.shared();

    @LocalServerPort
    int port;

    @AfterEach
    void normal() {
        SYSTEM.mode(FakeMemberSystem.Mode.NORMAL);
    }

    @Test
    void anUnreachableMemberSystemIsAFrenchMessageOnTheRequestFormAndNeverALostRequest() throws Exception {
        String run = String.valueOf(System.currentTimeMillis() % 10_000_000);
        SYSTEM.mode(FakeMemberSystem.Mode.NORMAL)
                .add("B" + run, "Soizic", "Le Goff", "Lorient", "1979-03-08")
                .add("B" + run + "-2", "Erwan", "Le Goff", "Vannes", null);
        // this context may have just started: its first answers (servlet, security, static files) are slow
        new org.tandem.support.Browser(port, "alice").get("/");
        BrowserScenario.run(
                port,
                "member-directory-path.mjs",
                240,
                Map.of(
                        "E2E_RUN",
                        run,
                        "MEMBER_ID",
                        "B" + run,
                        "MEMBER_SYSTEM_CONTROL",
                        SYSTEM.controlUrl().toString(),
                        "MEMBER_SYSTEM_URL",
                        SYSTEM.baseUrl().toString()));
    }
}
