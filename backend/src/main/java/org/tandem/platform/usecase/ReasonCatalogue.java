package org.tandem.platform.usecase;

import java.util.List;
import java.util.Optional;

/**
 * The standard reasons of a correction, named once so that every use case's figures speak the same
 * language; a use case file picks among them by code or adds its own with its French and English label.
 */
public final class ReasonCatalogue {

    public static final List<ReviewReason> STANDARD = List.of(
            new ReviewReason("factual-error", "Erreur factuelle", "Factual error"),
            new ReviewReason("missing-information", "Information manquante", "Missing information"),
            new ReviewReason("tone", "Ton inadapté", "Wrong tone"),
            new ReviewReason("wrong-source", "Mauvaise source", "Wrong source"),
            new ReviewReason("personal-data", "Donnée personnelle", "Personal data"),
            new ReviewReason("legal-risk", "Risque juridique", "Legal risk"),
            new ReviewReason("style", "Style ou forme", "Style or form"),
            new ReviewReason("off-topic", "Hors sujet", "Off topic"),
            new ReviewReason("too-long", "Trop long", "Too long"));

    private ReasonCatalogue() {}

    public static Optional<ReviewReason> standard(String code) {
        return STANDARD.stream().filter(r -> r.code().equals(code)).findFirst();
    }
}
