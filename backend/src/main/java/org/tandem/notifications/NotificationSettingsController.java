package org.tandem.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.platform.security.CurrentUsers;
import org.tandem.platform.time.EngineClock;
import org.tandem.platform.web.ApiException;

/** A person's choices: which kinds they see in Tandem, and the daily digest by e-mail (their account's address). */
@RestController
@PreAuthorize("isAuthenticated() and !hasRole('SERVICE')")
class NotificationSettingsController {

    /** {@code email}: where the digest goes, null when the account has none (then no digest can be asked for). */
    @Schema(name = "NotificationSettings")
    record SettingsView(List<NotificationKind> kinds, boolean dailyDigest, String email) {}

    @Schema(name = "NotificationSettingsUpdate")
    record SettingsUpdate(List<String> kinds, Boolean dailyDigest) {}

    private final NotificationSettingsRepository settings;
    private final CurrentUsers users;

    NotificationSettingsController(NotificationSettingsRepository settings, CurrentUsers users) {
        this.settings = settings;
        this.users = users;
    }

    @GetMapping("/api/me/notification-settings")
    SettingsView get() {
        return view(users.current().username());
    }

    @PutMapping("/api/me/notification-settings")
    SettingsView put(@RequestBody(required = false) SettingsUpdate update) {
        if (update == null || update.kinds() == null || update.dailyDigest() == null) {
            throw ApiException.badRequest(
                    "Indiquez les notifications à afficher (kinds) et si vous voulez le récapitulatif quotidien"
                            + " (dailyDigest).");
        }
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        for (String name : update.kinds()) {
            kinds.add(NotificationKind.of(name)
                    .orElseThrow(() -> ApiException.invalidField(
                            "kinds",
                            "« " + name + " » n'est pas une sorte de notification : NEW_TASK, ASSIGNED,"
                                    + " DUE_TOMORROW ou RETURNED.")));
        }
        String me = users.current().username();
        if (update.dailyDigest() && settings.email(me).isEmpty()) {
            throw ApiException.invalidField(
                    "dailyDigest",
                    "Votre compte n'a pas d'adresse e-mail : le récapitulatif ne pourrait pas vous être envoyé."
                            + " Demandez à un administrateur de l'ajouter.");
        }
        settings.save(me, new NotificationSettingsRepository.Settings(kinds, update.dailyDigest()), EngineClock.now());
        return view(me);
    }

    private SettingsView view(String me) {
        NotificationSettingsRepository.Settings mine = settings.of(me);
        return new SettingsView(
                List.copyOf(mine.kinds()),
                mine.dailyDigest(),
                settings.email(me).orElse(null));
    }
}
