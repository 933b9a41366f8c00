package org.tandem.governance.lifecycle;

/**
 * What an experiment measures. The first nine come from the content cases' own records
 * (case_metrics, model_call), the last three from people (surveys, satisfaction on the case).
 */
public enum KpiMetric {
    TIME_TO_APPROVAL("Délai de la demande à l'approbation", "min", Direction.LOWER_IS_BETTER),
    ACCEPTED_WITHOUT_EDIT("Brouillons acceptés sans modification", "%", Direction.HIGHER_IS_BETTER),
    EDIT_RATIO("Part du brouillon IA modifiée", "%", Direction.LOWER_IS_BETTER),
    REJECTION_RATE("Taux de rejet", "%", Direction.LOWER_IS_BETTER),
    REGENERATION_RATE("Demandes régénérées au moins une fois", "%", Direction.LOWER_IS_BETTER),
    HAND_DRAFTING_RATE("Demandes rédigées à la main", "%", Direction.LOWER_IS_BETTER),
    COST_PER_CONTENT("Coût IA par contenu", "€", Direction.LOWER_IS_BETTER),
    ENERGY_PER_CONTENT("Énergie par contenu", "Wh", Direction.LOWER_IS_BETTER),
    CO2E_PER_CONTENT("Émissions par contenu", "gCO2e", Direction.LOWER_IS_BETTER),
    WORK_COMFORT("Confort de travail (1 à 5)", "/5", Direction.HIGHER_IS_BETTER),
    MEMBER_SATISFACTION("Satisfaction sociétaire (1 à 5)", "/5", Direction.HIGHER_IS_BETTER),
    PERCEIVED_TIME_SAVED("Temps gagné ressenti par contenu", "min", Direction.HIGHER_IS_BETTER);

    public enum Direction {
        HIGHER_IS_BETTER,
        LOWER_IS_BETTER
    }

    private final String label;
    private final String unit;
    private final Direction direction;

    KpiMetric(String label, String unit, Direction direction) {
        this.label = label;
        this.unit = unit;
        this.direction = direction;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public Direction direction() {
        return direction;
    }
}
