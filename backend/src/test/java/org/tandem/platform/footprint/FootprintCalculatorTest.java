package org.tandem.platform.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference values of FOOTPRINT.md, to 4 significant digits. */
class FootprintCalculatorTest {

    /** The reference table's data centre: PUE 1.16 (the mix does not enter the energy). */
    private static final Hosting PUE_1_16 = Hosting.mistral();

    private static void assertSignificant(double actual, double expected, int digits) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.abs(expected))) - digits + 1);
        assertThat(actual)
                .as("%s ≈ %s to %d significant digits", actual, expected, digits)
                .isCloseTo(expected, within(magnitude / 2));
    }

    @ParameterizedTest(name = "{0}B active / {1}B total → {2} GPU, {3} Wh")
    @CsvSource({
        "8.02,  8.02,  1, 0.0431021",
        "12.9,  46.7,  2, 0.0919282",
        "70,    70,    4, 0.3178057",
        "123,   123,   4, 0.4421369"
    })
    void reproducesTheReferenceEnergyPerRequest(double active, double total, int gpus, double expectedWh) {
        ModelSpec model = new ModelSpec("ref", "test", Range.of(active), Range.of(total));
        Footprint footprint = FootprintCalculator.estimate(model, PUE_1_16, 500);

        assertThat(FootprintCalculator.gpuCount(total)).isEqualTo(gpus);
        assertThat(footprint.energyWh().isExact()).isTrue();
        assertSignificant(footprint.energyWh().min(), expectedWh, 4);
        assertThat(footprint.methodVersion()).isEqualTo("ecologits-0.9");
    }

    @ParameterizedTest(name = "{0}B total → {1} GPU")
    @CsvSource({"1, 1", "33.3, 1", "34, 2", "66, 2", "67, 4", "123, 4", "134, 8", "266, 8", "405, 16", "540, 32"})
    void gpuCountIsRoundedUpToAPowerOfTwo(double totalB, int expected) {
        // M = 2.4 · P GB; ceil(M/80); next power of 2
        assertThat(FootprintCalculator.gpuCount(totalB)).isEqualTo(expected);
    }

    @Test
    void oneMillionOutputTokensOnThe8BModelWithTheFrenchMix() {
        Hosting france = new Hosting("test", "test", "France", 1.16, ElectricityMix.FRANCE.kgCo2ePerKwh());
        ModelSpec model = ModelSpec.dense("llama-3.1-8b", "meta", Range.of(8.02));
        Footprint footprint = FootprintCalculator.estimate(model, france, 1_000_000);

        assertThat(footprint.energyWh().min()).isCloseTo(86.2, within(0.05));
        assertThat(footprint.usageKgCo2e().min() * 1000).as("g CO2e usage").isCloseTo(3.8, within(0.05));
        assertThat(footprint.embodiedKgCo2e().min() * 1000)
                .as("g CO2e embodied")
                .isCloseTo(6.5, within(0.05));
        assertThat(footprint.embodiedKgCo2e().min())
                .as("on a low-carbon grid embodied emissions dominate")
                .isGreaterThan(footprint.usageKgCo2e().min());
        assertSignificant(footprint.totalKgCo2e().min() * 1000, 10.3, 3);
    }

    @Test
    void aClosedModelIsARangeComputedFromBothBounds() {
        ModelSpec gpt4oMini = ModelSpec.dense("gpt-4o-mini", "openai", new Range(8, 28));
        Footprint footprint = FootprintCalculator.estimate(gpt4oMini, Hosting.openAi(), 500);

        ModelSpec small = ModelSpec.dense("lower", "openai", Range.of(8));
        ModelSpec large = ModelSpec.dense("upper", "openai", Range.of(28));
        Footprint lower = FootprintCalculator.estimate(small, Hosting.openAi(), 500);
        Footprint upper = FootprintCalculator.estimate(large, Hosting.openAi(), 500);

        assertThat(footprint.energyWh())
                .isEqualTo(new Range(lower.energyWh().min(), upper.energyWh().max()));
        assertThat(footprint.usageKgCo2e())
                .isEqualTo(
                        new Range(lower.usageKgCo2e().min(), upper.usageKgCo2e().max()));
        assertThat(footprint.embodiedKgCo2e())
                .isEqualTo(new Range(
                        lower.embodiedKgCo2e().min(), upper.embodiedKgCo2e().max()));
        assertThat(footprint.energyWh().max())
                .isGreaterThan(footprint.energyWh().min());
        assertThat(footprint.note()).contains("fourchette");
        // 8 B and 28 B both fit one GPU (67.2 GB); PUE 1.20; cross-checked with an independent script
        assertSignificant(footprint.energyWh().min(), 0.04458, 4);
        assertSignificant(footprint.energyWh().max(), 0.05671, 4);
    }

    @Test
    void aMixtureOfExpertsWithUnknownActivationIsTakenAs10To30PercentActive() {
        ModelSpec moe = ModelSpec.moeUnknownActivation("closed-moe", "x", Range.of(400));
        assertThat(moe.activeParamsB()).isEqualTo(new Range(40, 120));
        Footprint footprint = FootprintCalculator.estimate(moe, Hosting.openAi(), 500);
        assertThat(footprint.energyWh().max())
                .isGreaterThan(footprint.energyWh().min());
    }

    @Test
    void aMeasuredLatencyShorterThanTheComputedOneReplacesIt() {
        ModelSpec model = ModelSpec.dense("llama-3.1-8b", "meta", Range.of(8.02));
        Footprint computed = FootprintCalculator.estimate(model, PUE_1_16, 500);
        // ΔT computed = 500 × 0.0448789 s = 22.44 s; measured 5 s
        Footprint measured = FootprintCalculator.estimate(model, PUE_1_16, 500, Duration.ofSeconds(5));
        Footprint slower = FootprintCalculator.estimate(model, PUE_1_16, 500, Duration.ofSeconds(60));

        double gpuWh = 1.16 * 500 * FootprintCalculator.gpuEnergyPerTokenWh(8.02);
        double serverWh = 1.16 * 5.0 / 3600 * 1.2 * (1 / 8.0) / 64 * 1000;
        assertSignificant(measured.energyWh().min(), gpuWh + serverWh, 6);
        assertSignificant(measured.embodiedKgCo2e().min(), 5.0 / (64 * 94_608_000.0) * (5700 / 8.0 + 164), 6);
        assertThat(measured.energyWh().min()).isLessThan(computed.energyWh().min());
        assertThat(slower)
                .as("a longer measured latency does not replace the computed one")
                .isEqualTo(computed);
    }

    @Test
    void noOutputTokenNoFootprint() {
        Footprint footprint =
                FootprintCalculator.estimate(ModelSpec.dense("m", "p", Range.of(24)), Hosting.mistral(), 0);
        assertThat(footprint.energyWh()).isEqualTo(Range.ZERO);
        assertThat(footprint.embodiedKgCo2e()).isEqualTo(Range.ZERO);
    }

    @Test
    void theOfflineDrafterHasZeroFootprintAndSaysSo() {
        Footprint offline = Footprint.offline();
        assertThat(offline.energyWh()).isEqualTo(Range.ZERO);
        assertThat(offline.usageKgCo2e()).isEqualTo(Range.ZERO);
        assertThat(offline.embodiedKgCo2e()).isEqualTo(Range.ZERO);
        assertThat(offline.methodVersion()).isEqualTo("none");
        assertThat(offline.note()).contains("aucun modèle");
    }

    @Test
    void rejectsImpossibleInputs() {
        assertThatThrownBy(() -> new Range(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelSpec("m", "p", Range.of(50), Range.of(40)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FootprintCalculator.estimate(ModelSpec.dense("m", "p", Range.of(8)), PUE_1_16, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
