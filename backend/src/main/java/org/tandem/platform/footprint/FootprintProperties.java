package org.tandem.platform.footprint;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the model catalogue (sizes, prices) is read from, and what our own servers are like.
 * Defaults: the catalogue shipped in the jar; on-premises in France with a PUE of 1.5 (FOOTPRINT.md).
 */
@ConfigurationProperties("tandem.footprint")
public record FootprintProperties(String catalogue, OnPremises onPremises) {

    public record OnPremises(ElectricityMix location, Double pue) {
        public OnPremises {
            location = location == null ? ElectricityMix.FRANCE : location;
            pue = pue == null ? 1.5 : pue;
        }
    }

    public FootprintProperties {
        catalogue = catalogue == null || catalogue.isBlank() ? "classpath:" + ModelCatalog.DEFAULT_LOCATION : catalogue;
        onPremises = onPremises == null ? new OnPremises(null, null) : onPremises;
    }

    public Hosting onPremisesHosting() {
        return Hosting.onPremises(onPremises.location(), onPremises.pue());
    }
}
