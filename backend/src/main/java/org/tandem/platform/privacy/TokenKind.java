package org.tandem.platform.privacy;

/**
 * What a pseudonymisation token stands for. The label is what the model reads inside the brackets
 * ({@code [PERSONNE_1]}, {@code [DATE_NAISSANCE_1]}): French, like the rest of the prompt, and
 * telling enough for the model to write "Madame [PERSONNE_1_NOM]" or "votre contrat [CONTRAT_1]".
 */
public enum TokenKind {
    PERSONNE,
    EMAIL,
    TEL,
    IBAN,
    NIR,
    CONTRAT,
    SINISTRE,
    SOCIETAIRE,
    IMMAT,
    DATE_NAISSANCE,
    ADRESSE,
    SIREN,
    SIRET;

    public String label() {
        return name();
    }
}
