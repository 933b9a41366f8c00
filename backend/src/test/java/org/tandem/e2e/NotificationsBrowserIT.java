package org.tandem.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.platform.security.Identities;
import org.tandem.support.TandemIntegrationTest;

/**
 * Issue 19's notifications in Chromium (frontend/e2e/notifications-path.mjs): an expert of its own sees the unread
 * count arrive in the header when a letter request reaches their group, opens the list (axe-clean) and follows the
 * notification to the task.
 */
@TandemIntegrationTest
class NotificationsBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Identities identities;

    /** Other tests draw reviewers among the experts of a group: the people this test made leave with it. */
    @org.junit.jupiter.api.AfterEach
    void removeThePeopleThisTestMade(@Autowired org.camunda.bpm.engine.IdentityService identityService) {
        identityService.createUserQuery().list().stream()
                .map(org.camunda.bpm.engine.identity.User::getId)
                .filter(id -> id.startsWith("notif-e2e-"))
                .forEach(identityService::deleteUser);
    }

    @Test
    void anExpertIsToldOfNewWorkAndFollowsItToTheTask() throws Exception {
        String expert = "notif-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        identities.ensureUser(expert, "Nina", "Notif", expert, List.of("experts", "member-relations-experts"));
        BrowserScenario.run(port, "notifications-path.mjs", 360, Map.of("NOTIF_USER", expert));
    }
}
