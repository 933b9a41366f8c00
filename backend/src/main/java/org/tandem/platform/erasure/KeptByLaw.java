package org.tandem.platform.erasure;

import java.util.List;

/**
 * What an erasure keeps because the law (or the proof of meeting it) requires it, in French first and
 * English second; shown to the data protection officer before erasing and documented in README.md.
 */
public final class KeptByLaw {

    /** One thing kept, why, and under which text. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "KeptByLawItem")
    public record Item(String whatFr, String whatEn, String ground) {}

    public static final List<Item> ITEMS = List.of(
            new Item(
                    "Le journal d'audit de chaque dossier : qui a fait quoi et quand, le modèle, la version du pré-prompt, "
                            + "l'approbateur et les empreintes chaînées — sans le texte des messages, brouillons et motifs.",
                    "Each case's audit trail: who did what and when, the model, the pre-prompt version, the approver and "
                            + "the chained hashes — without the text of messages, drafts and reasons.",
                    "AI Act art. 12, 19 et 26(6) (journaux conservés au moins six mois) ; responsabilité de l'approbateur"),
            new Item(
                    "La trace de l'effacement : numéro de sociétaire, date, délégué(e) à la protection des données, motif "
                            + "et ce qui a été effacé.",
                    "The record of the erasure: member number, date, data protection officer, reason and what was erased.",
                    "RGPD art. 5(2) (responsabilité) et art. 12(3) : prouver que la demande a été traitée"),
            new Item(
                    "Les faits de la communication au sociétaire : catégorie et mention IA, marqueur, date — pas le texte.",
                    "The facts of the disclosure to the member: category and AI label, marker, date — not the text.",
                    "AI Act art. 50 (transparence) : prouver la mention donnée"),
            new Item(
                    "Les chiffres des indicateurs et de l'empreinte : durées, taux de modification, part de l'IA, "
                            + "régénérations, jetons, coût, énergie — sans donnée personnelle.",
                    "The figures of the KPIs and the footprint: durations, edit ratios, AI share, regenerations, tokens, "
                            + "cost, energy — without personal data.",
                    "Aucune donnée personnelle : intérêt légitime du pilotage (propositions 15, 18-19)"),
            new Item(
                    "Hors de Tandem : le courrier envoyé, les pièces du sinistre et le contrat restent dans les systèmes de "
                            + "gestion et d'archivage de la mutuelle, pour la durée de prescription.",
                    "Outside Tandem: the letter sent, the claim's documents and the contract stay in the insurer's "
                            + "management and archiving systems for the limitation period.",
                    "Code des assurances L114-1 (2 ans, 10 ans en vie et dommages corporels) ; RGPD art. 17(3)(b) et (e)"));

    private KeptByLaw() {}
}
