package org.tandem.platform.guardrails;

/** What an untrusted passage tries to do to the model; the French text is what the reviewer reads. */
public enum InjectionKind {
    IGNORE_INSTRUCTIONS("demande à l'IA d'ignorer ou d'oublier ses consignes"),
    ROLE_CHANGE("tente de donner un autre rôle ou une autre identité à l'IA"),
    OUTPUT_CONTROL("dicte à l'IA ce qu'elle doit répondre mot pour mot"),
    SYSTEM_PROMPT("cherche à obtenir ou à modifier les consignes internes (« prompt système ») de l'IA"),
    JAILBREAK("contient une formule connue de contournement des protections (« jailbreak », DAN, mode développeur…)"),
    NEW_INSTRUCTIONS("se présente comme de nouvelles instructions pour l'IA"),
    ADDRESSES_MODEL("s'adresse directement à l'IA (tutoiement, « dans ta réponse »…) plutôt qu'au conseiller"),
    HIDE_FROM_REVIEWER("demande de cacher quelque chose au conseiller ou à l'expert qui relit"),
    CHAT_MARKUP("imite le balisage d'une conversation avec un modèle (system:, [INST], <|im_start|>…)"),
    FENCE_ESCAPE("tente de refermer la balise qui délimite le message du sociétaire"),
    ENCODED_PAYLOAD("contient un bloc encodé (base64) qui se décode en texte"),
    INVISIBLE_CHARACTERS(
            "contient des caractères invisibles (largeur nulle, contrôle de direction, étiquettes Unicode)");

    private final String explanationFr;

    InjectionKind(String explanationFr) {
        this.explanationFr = explanationFr;
    }

    public String explanationFr() {
        return explanationFr;
    }
}
