package org.tandem.notifications;

import java.util.Optional;

/** Why a person is told about a task: the four kinds of issue 19, each of which they may turn off. */
public enum NotificationKind {
    NEW_TASK("Nouvelle tâche pour votre groupe", "New task for your group"),
    ASSIGNED("Tâche qui vous est confiée", "Task assigned to you"),
    DUE_TOMORROW("Tâche à rendre demain", "Task due tomorrow"),
    RETURNED("Votre dossier vous revient", "Your case is back with you");

    private final String french;
    private final String english;

    NotificationKind(String french, String english) {
        this.french = french;
        this.english = english;
    }

    public String french() {
        return french;
    }

    public String english() {
        return english;
    }

    static Optional<NotificationKind> of(String name) {
        for (NotificationKind kind : values()) {
            if (kind.name().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
