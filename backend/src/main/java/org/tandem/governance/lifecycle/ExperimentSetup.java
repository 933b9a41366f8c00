package org.tandem.governance.lifecycle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The experiment as the manager sets it up with the users. */
public record ExperimentSetup(
        @NotBlank(message = "Choisissez le cas d'usage expérimenté.")
        String useCaseKey,

        List<String> pilotEntities,
        List<String> controlEntities,
        List<String> keyUsers,
        @Valid List<KpiInput> kpis,
        // the comfort survey is asked after one case in this many (default 5)
        Integer surveyOneIn) {

    public record KpiInput(
            @NotNull(message = "Choisissez l'indicateur.") KpiMetric metric,
            Double baseline,

            @NotNull(message = "Indiquez la cible de l'indicateur.")
            Double target,

            @NotNull(message = "Indiquez le garde-fou de l'indicateur.")
            Double guardrail) {}
}
