package org.tandem.content.delivery;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where an approved content goes, as a use case names it ({@code disclosureChannel}). */
public enum Channel {
    /** A letter: a PDF (label printed, provenance record embedded) e-mailed to the member, or to the mail room. */
    COURRIER("courrier", true),
    /** An e-mail whose body is the content, with its label and the record attached. */
    COURRIEL("courriel", true),
    /** The member portal reads the answer, its label and its record from /api/chat: delivered when disclosed. */
    ESPACE_SOCIETAIRE("espace-societaire", false),
    /** Filed in the case file, for the insurer's own staff: delivered when disclosed. */
    DOSSIER("dossier", false),
    /** Stays with the adviser who asked (the AMI assistant): nothing is disclosed. */
    INTERNE("interne", false);

    private final String key;
    private final boolean byMail;

    Channel(String key, boolean byMail) {
        this.key = key;
        this.byMail = byMail;
    }

    public String key() {
        return key;
    }

    /** Whether the content leaves through the mail server (and may wait « à envoyer »). */
    public boolean byMail() {
        return byMail;
    }

    /** The use case's channel; one that names none keeps its contents in the case file (nothing leaves). */
    public static Channel of(String key) {
        if (key == null || key.isBlank()) {
            return DOSSIER;
        }
        return Arrays.stream(values())
                .filter(c -> c.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown disclosure channel « " + key + " »; known: "
                        + Arrays.stream(values()).map(Channel::key).collect(Collectors.joining(", "))));
    }
}
