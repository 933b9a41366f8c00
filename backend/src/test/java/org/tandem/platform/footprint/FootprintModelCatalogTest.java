package org.tandem.platform.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FootprintModelCatalogTest {

    private final ModelCatalog catalog = ModelCatalog.defaults();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "mistral-small-latest,                         mistral-small",
        "mistral-small-2506,                           mistral-small",
        "mistralai/Mistral-Small-3.1-24B-Instruct-2503, mistral-small",
        "mistral-small:24b,                            mistral-small",
        "mistral-medium-latest,                        mistral-medium",
        "mistral-large-2411,                           mistral-large",
        "open-mistral-nemo,                            open-mistral-nemo",
        "mistral-nemo:12b,                             open-mistral-nemo",
        "llama3.1:8b,                                  llama-3.1-8b",
        "meta-llama/Llama-3.1-8B-Instruct,             llama-3.1-8b",
        "meta-llama/Meta-Llama-3.1-8B-Instruct,        llama-3.1-8b",
        "llama3.1:70b,                                 llama-3.3-70b",
        "meta-llama/Llama-3.3-70B-Instruct,            llama-3.3-70b",
        "open-mixtral-8x7b,                            mixtral-8x7b",
        "mixtral:8x7b,                                 mixtral-8x7b",
        "gpt-4o-mini-2024-07-18,                       gpt-4o-mini"
    })
    void findsAModelByTheNameItsProviderGives(String providerName, String expected) {
        assertThat(catalog.find(providerName))
                .get()
                .extracting(e -> e.spec().name())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"llama3.1:405b", "mixtral-8x22b", "mixtral:8x22b", "gpt-4o", "mistral-smallish", "''"})
    void doesNotMistakeAnotherSizeForAKnownModel(String providerName) {
        assertThat(catalog.find(providerName)).isEmpty();
    }

    @Test
    void holdsTheSpecsOfTheBrief() {
        assertThat(spec("mistral-small").activeParamsB()).isEqualTo(Range.of(24));
        assertThat(spec("mistral-medium").activeParamsB()).isEqualTo(new Range(70, 120));
        assertThat(spec("mistral-large").totalParamsB()).isEqualTo(Range.of(123));
        assertThat(spec("open-mistral-nemo").totalParamsB()).isEqualTo(Range.of(12));
        assertThat(spec("llama-3.1-8b").totalParamsB()).isEqualTo(Range.of(8.02));
        assertThat(spec("mixtral-8x7b").activeParamsB()).isEqualTo(Range.of(12.9));
        assertThat(spec("mixtral-8x7b").totalParamsB()).isEqualTo(Range.of(46.7));
        assertThat(spec("llama-3.3-70b").totalParamsB().min()).isBetween(70.0, 71.0);
        assertThat(spec("gpt-4o-mini").activeParamsB()).isEqualTo(new Range(8, 28));
        assertThat(catalog.all()).allSatisfy(e -> assertThat(e.price()).isNotNull());
    }

    @Test
    void pricesACall() {
        Price price = catalog.find("mistral-small-latest").orElseThrow().price();
        // 1,200 in × 0.10 + 400 out × 0.30, per million
        assertThat(price.costEur(1_200, 400)).isEqualByComparingTo(new BigDecimal("0.00024"));
    }

    private ModelSpec spec(String name) {
        return catalog.find(name).orElseThrow().spec();
    }
}
