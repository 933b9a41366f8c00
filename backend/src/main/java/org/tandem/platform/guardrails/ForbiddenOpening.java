package org.tandem.platform.guardrails;

import java.util.List;

/**
 * Phrases a draft must not open with when the case has a given flag. Phrases are matched without
 * case or accents in the first sentences after the salutation.
 */
public record ForbiddenOpening(ContextFlag when, List<String> phrases, String reasonFr) {

    public ForbiddenOpening {
        phrases = List.copyOf(phrases);
    }

    /**
     * The seed's rule (proposals, « L'humain avant tout »): after a death, never a pleased formula.
     * Always applied, whatever the use case's rules say.
     */
    public static final ForbiddenOpening AFTER_A_DEATH = new ForbiddenOpening(
            ContextFlag.DEATH,
            List.of(
                    "j'ai le plaisir",
                    "nous avons le plaisir",
                    "c'est avec plaisir",
                    "c'est avec un grand plaisir",
                    "c'est avec grand plaisir",
                    "c'est un plaisir",
                    "nous sommes heureux",
                    "nous sommes heureuses",
                    "je suis heureux",
                    "je suis heureuse",
                    "nous sommes ravis",
                    "nous sommes ravies",
                    "je suis ravi",
                    "nous avons la joie",
                    "j'ai la joie",
                    "nous avons le bonheur",
                    "j'ai le bonheur",
                    "bonne nouvelle",
                    "felicitations",
                    "nous nous rejouissons",
                    "je me rejouis",
                    "avec joie",
                    "nous avons l'immense plaisir",
                    "quel plaisir",
                    "heureux de vous",
                    "ravis de vous",
                    "ravi de vous",
                    "le plaisir de vous"),
            "Le dossier fait état d'un décès : le courrier ne peut pas s'ouvrir sur une formule de satisfaction");
}
