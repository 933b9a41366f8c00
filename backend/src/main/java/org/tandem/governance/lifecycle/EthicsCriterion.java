package org.tandem.governance.lifecycle;

/** The nine criteria the convention gives the ethics and control committee (proposal 17). */
public enum EthicsCriterion {
    VALUES("Respect des valeurs du groupe"),
    DATA_SAFETY("Sûreté, sécurité et souveraineté des données"),
    COMPLEMENTARITY("Complémentarité entre l'outil et l'humain"),
    MEMBER_EMPLOYEE_GAIN("Gain sociétaire et collaborateur, personnalisation de la relation"),
    ENVIRONMENT("Impact environnemental moindre ou optimisé"),
    FREE_WILL("Respect du libre arbitre du collaborateur"),
    PRIVACY("Respect de la vie privée et des données sensibles (RGPD)"),
    TRANSPARENCY("Transparence"),
    CRISIS_PLAN("Intégration dans le plan de crise");

    private final String label;

    EthicsCriterion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
