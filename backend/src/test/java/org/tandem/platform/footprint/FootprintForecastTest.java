package org.tandem.platform.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FootprintForecastTest {

    @Test
    void aYearIsTheVolumeTimesOneCase() {
        ModelSpec small = ModelSpec.dense("mistral-small", "mistral", Range.of(24));
        Footprint oneCase = FootprintCalculator.estimate(small, Hosting.mistral(), 600);

        YearlyForecast year = YearlyForecast.of(small, Hosting.mistral(), new Price(0.10, 0.30), 50_000, 1_500, 600);

        assertThat(year.energyKwh().min()).isCloseTo(oneCase.energyWh().min() * 50_000 / 1000, within(1e-9));
        assertThat(year.usageKgCo2e().min()).isCloseTo(oneCase.usageKgCo2e().min() * 50_000, within(1e-9));
        assertThat(year.embodiedKgCo2e().min())
                .isCloseTo(oneCase.embodiedKgCo2e().min() * 50_000, within(1e-9));
        // 50,000 × (1,500 × 0.10 + 600 × 0.30) / 1e6 = 16.5 EUR
        assertThat(year.costEur()).isEqualByComparingTo(new BigDecimal("16.5"));
        assertThat(year.methodVersion()).isEqualTo("ecologits-0.9");
    }

    @Test
    void oneMillionTokensAYearOnThe8BModelIsAbout86Wh() {
        Hosting france = new Hosting("test", "test", "France", 1.16, ElectricityMix.FRANCE.kgCo2ePerKwh());
        ModelSpec model = ModelSpec.dense("llama-3.1-8b", "meta", Range.of(8.02));
        YearlyForecast year = YearlyForecast.of(model, france, null, 2_000, 0, 500);

        assertThat(year.energyKwh().min()).isCloseTo(0.0862, within(0.00005));
        assertThat(year.totalKgCo2e().min()).isCloseTo(0.0103, within(0.00005));
        assertThat(year.costEur()).as("no price, no cost").isNull();
    }

    @Test
    void aClosedModelForecastIsARange() {
        ModelSpec medium = ModelSpec.dense("mistral-medium", "mistral", new Range(70, 120));
        YearlyForecast year = YearlyForecast.of(medium, Hosting.mistral(), null, 10_000, 2_000, 800);
        assertThat(year.energyKwh().max()).isGreaterThan(year.energyKwh().min());
        assertThat(year.totalKgCo2e().max()).isGreaterThan(year.totalKgCo2e().min());
    }
}
