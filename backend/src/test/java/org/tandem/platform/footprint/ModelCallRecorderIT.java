package org.tandem.platform.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.content.drafting.OfflineDrafter;
import org.tandem.platform.ai.AiFailure;
import org.tandem.platform.ai.AiProperties;
import org.tandem.platform.ai.AiProperties.Provider;
import org.tandem.support.Api;
import org.tandem.support.TandemIntegrationTest;

/** Model calls stored with cost and footprint, and read back per use case and month through /api/footprint. */
@TandemIntegrationTest
class ModelCallRecorderIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ModelCatalog catalog;

    @Autowired
    FootprintProperties footprintProperties;

    @Autowired
    ModelCallRecorder configuredRecorder;

    @Autowired
    MockMvc mvc;

    Api api;
    String useCase;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        // the application context (and its database) is shared by all integration tests
        useCase = "fp-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ModelCallRecorder recorderFor(Provider provider, String model) {
        return new ModelCallRecorder(
                jdbc,
                catalog,
                new AiProperties(provider, "http://127.0.0.1:1/v1", "k", null, model, null, null, null, null),
                footprintProperties);
    }

    private static ChatResponse response(String model, int in, int out) {
        return ChatResponse.builder()
                .aiMessage(AiMessage.from("Madame, Monsieur, …"))
                .modelName(model)
                .tokenUsage(new TokenUsage(in, out))
                .build();
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("select * from model_call where id = ?")
                .param(id)
                .query()
                .singleRow();
    }

    @Test
    void aMistralCallIsStoredWithItsCostAndFootprint() {
        RecordedModelCall recorded = recorderFor(Provider.MISTRAL, "mistral-small-latest")
                .recordSuccess(null, useCase, useCase + "@v1", response("mistral-small-2506", 1_200, 400), 3_000);

        Map<String, Object> row = row(recorded.id());
        assertThat(row.get("provider")).isEqualTo("mistral");
        assertThat(row.get("model")).isEqualTo("mistral-small-2506");
        assertThat(row.get("prompt_version")).isEqualTo(useCase + "@v1");
        assertThat(row.get("input_tokens")).isEqualTo(1_200);
        assertThat(row.get("output_tokens")).isEqualTo(400);
        assertThat(row.get("latency_ms")).isEqualTo(3_000L);
        assertThat((BigDecimal) row.get("cost_eur")).isEqualByComparingTo("0.00024");
        assertThat(row.get("outcome")).isEqualTo("OK");
        assertThat(row.get("method_version")).isEqualTo("ecologits-0.9");
        assertThat(row.get("case_id")).isNull();

        // 400 tokens of a 24 B model take 22 s by the method; the measured 3 s is shorter and used
        Footprint expected = FootprintCalculator.estimate(
                ModelSpec.dense("mistral-small", "mistral", Range.of(24)),
                Hosting.mistral(),
                400,
                Duration.ofSeconds(3));
        assertThat((Double) row.get("energy_wh_min"))
                .isCloseTo(expected.energyWh().min(), within(1e-12));
        assertThat((Double) row.get("usage_kgco2e_max"))
                .isCloseTo(expected.usageKgCo2e().max(), within(1e-15));
        assertThat((Double) row.get("embodied_kgco2e_min"))
                .isCloseTo(expected.embodiedKgCo2e().min(), within(1e-15));
        assertThat(recorded.footprint()).isEqualTo(expected);
    }

    @Test
    void aClosedModelIsStoredAsARange() {
        RecordedModelCall recorded = new ModelCallRecorder(
                        jdbc,
                        catalog,
                        new AiProperties(
                                Provider.OPENAI_COMPATIBLE,
                                "http://127.0.0.1:1/v1",
                                "k",
                                null,
                                "gpt-4o-mini",
                                null,
                                null,
                                null,
                                "openai"),
                        footprintProperties)
                .recordSuccess(null, useCase, "p@v1", response("gpt-4o-mini-2024-07-18", 900, 500), 30_000);

        Map<String, Object> row = row(recorded.id());
        assertThat((Double) row.get("energy_wh_max")).isGreaterThan((Double) row.get("energy_wh_min"));
        assertThat((Double) row.get("usage_kgco2e_max")).isGreaterThan((Double) row.get("usage_kgco2e_min"));
        // 500 tokens at PUE 1.20: 0.04458–0.05671 Wh (see FootprintCalculatorTest)
        assertThat((Double) row.get("energy_wh_min")).isCloseTo(0.04458, within(0.000005));
        assertThat((Double) row.get("energy_wh_max")).isCloseTo(0.05671, within(0.000005));
    }

    @Test
    void theOfflineDrafterIsRecordedWithZerosAndSaysSo() {
        // the test application runs the offline drafter
        ChatResponse offline = ChatResponse.builder()
                .aiMessage(AiMessage.from("Objet : …"))
                .modelName(OfflineDrafter.MODEL_NAME)
                .build();
        RecordedModelCall recorded = configuredRecorder.recordSuccess(null, useCase, "p@v1", offline, 4);

        Map<String, Object> row = row(recorded.id());
        assertThat(row.get("provider")).isEqualTo("offline");
        assertThat(row.get("model")).isEqualTo(OfflineDrafter.MODEL_NAME);
        assertThat(row.get("input_tokens")).isEqualTo(0);
        assertThat(row.get("output_tokens")).isEqualTo(0);
        assertThat((BigDecimal) row.get("cost_eur")).isEqualByComparingTo("0");
        assertThat(row.get("energy_wh_max")).isEqualTo(0.0);
        assertThat(row.get("embodied_kgco2e_max")).isEqualTo(0.0);
        assertThat(row.get("method_version")).isEqualTo("none");
        assertThat(recorded.footprint().note()).contains("aucun modèle");
    }

    @Test
    void aFailedCallIsRecordedWithItsReason() {
        AiFailure failure = new AiFailure(
                AiFailure.Kind.RATE_LIMITED,
                Duration.ofSeconds(20),
                "le fournisseur d'IA est saturé (429), nouvel essai dans 20 s");
        RecordedModelCall recorded = recorderFor(Provider.MISTRAL, "mistral-small-latest")
                .recordFailure(null, useCase, "p@v1", failure, 150);

        Map<String, Object> row = row(recorded.id());
        assertThat(row.get("outcome")).isEqualTo("FAILED");
        assertThat(row.get("failure_kind")).isEqualTo("RATE_LIMITED");
        assertThat(row.get("failure_reason")).isEqualTo("le fournisseur d'IA est saturé (429), nouvel essai dans 20 s");
        assertThat(row.get("model")).isEqualTo("mistral-small-latest");
        assertThat(row.get("input_tokens")).isNull();
        assertThat(row.get("output_tokens")).isNull();
        assertThat(row.get("energy_wh_max")).as("no output token came back").isEqualTo(0.0);
    }

    @Test
    void aModelOutsideTheCatalogueIsRecordedWithoutEstimate() {
        RecordedModelCall recorded = recorderFor(Provider.OPENAI_COMPATIBLE, "our-finetune")
                .recordSuccess(null, useCase, "p@v1", response("our-finetune", 100, 50), 800);

        Map<String, Object> row = row(recorded.id());
        assertThat(row.get("cost_eur")).isNull();
        assertThat(row.get("energy_wh_min")).isNull();
        assertThat(row.get("method_version")).isNull();
        assertThat(row.get("output_tokens")).isEqualTo(50);
    }

    @Test
    void theFootprintPageSumsPerUseCaseAndMonth() {
        ModelCallRecorder mistral = recorderFor(Provider.MISTRAL, "mistral-small-latest");
        RecordedModelCall a =
                mistral.recordSuccess(null, useCase, "p@v1", response("mistral-small-latest", 1_000, 300), 20_000);
        RecordedModelCall b =
                mistral.recordSuccess(null, useCase, "p@v1", response("mistral-small-latest", 2_000, 500), 40_000);
        mistral.recordFailure(
                null, useCase, "p@v1", new AiFailure(AiFailure.Kind.TIMEOUT, null, "délai dépassé"), 60_000);
        configuredRecorder.recordSuccess(
                null,
                useCase,
                "p@v1",
                ChatResponse.builder()
                        .aiMessage(AiMessage.from("x"))
                        .modelName(OfflineDrafter.MODEL_NAME)
                        .build(),
                3);
        recorderFor(Provider.OPENAI_COMPATIBLE, "our-finetune")
                .recordSuccess(null, useCase, "p@v1", response("our-finetune", 10, 10), 100);
        // one call last year, outside the month asked
        long old = mistral.recordSuccess(null, useCase, "p@v1", response("mistral-small-latest", 7, 7), 1)
                .id();
        jdbc.sql("update model_call set created_at = created_at - interval '400 days' where id = ?")
                .param(old)
                .update();
        String month = YearMonth.now(ZoneId.of("Europe/Paris")).toString();

        Api.Response response = api.get("marc", "/api/footprint?useCase=" + useCase + "&month=" + month);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.body();
        assertThat(body.get("useCase").asText()).isEqualTo(useCase);
        assertThat(body.get("month").asText()).isEqualTo(month);
        assertThat(body.get("methodVersions")).extracting(JsonNode::asText).containsExactly("ecologits-0.9", "none");
        JsonNode total = body.get("total");
        assertThat(total.get("calls").asLong()).isEqualTo(5);
        assertThat(total.get("failedCalls").asLong()).isEqualTo(1);
        assertThat(total.get("offlineCalls").asLong()).isEqualTo(1);
        assertThat(total.get("callsWithoutEstimate").asLong()).isEqualTo(1);
        assertThat(total.get("inputTokens").asLong()).isEqualTo(3_010);
        assertThat(total.get("outputTokens").asLong()).isEqualTo(810);
        // (3,000 × 0.10 + 800 × 0.30) / 1e6
        assertThat(total.get("costEur").decimalValue()).isEqualByComparingTo("0.00054");
        double energy =
                a.footprint().energyWh().min() + b.footprint().energyWh().min();
        assertThat(total.get("energyWhMin").asDouble()).isCloseTo(energy, within(1e-12));
        assertThat(total.get("energyWhMax").asDouble()).isCloseTo(energy, within(1e-12));
        assertThat(total.get("usageKgCo2eMin").asDouble())
                .isCloseTo(
                        a.footprint().usageKgCo2e().min()
                                + b.footprint().usageKgCo2e().min(),
                        within(1e-15));
        assertThat(total.get("embodiedKgCo2eMax").asDouble())
                .isCloseTo(
                        a.footprint().embodiedKgCo2e().max()
                                + b.footprint().embodiedKgCo2e().max(),
                        within(1e-15));
        assertThat(body.get("rows")).hasSize(1);
        JsonNode row = body.get("rows").get(0);
        assertThat(row.get("useCase").asText()).isEqualTo(useCase);
        assertThat(row.get("month").asText()).isEqualTo(month);
        assertThat(row.get("calls").asLong()).as("row totals are flat").isEqualTo(5);

        JsonNode allMonths =
                api.get("marc", "/api/footprint?useCase=" + useCase).body();
        assertThat(allMonths.get("total").get("calls").asLong()).isEqualTo(6);
        assertThat(allMonths.get("rows")).hasSize(2);
    }

    @Test
    void theFootprintIsAlsoSummedPerEntityOfTheRequester() {
        long caseId = jdbc.sql("""
                        insert into content_case (use_case_key, prompt_version, member_id, subject, message, status,
                                                  requested_by, entity_code)
                        values (?, 'p@v1', null, 's', 'm', 'DRAFTING', 'alice', null) returning id""").param(useCase).query(Long.class).single();
        String entity = jdbc.sql("select code from business_entity order by code limit 1")
                .query(String.class)
                .single();
        jdbc.sql("update content_case set entity_code = ? where id = ?")
                .params(entity, caseId)
                .update();
        ModelCallRecorder mistral = recorderFor(Provider.MISTRAL, "mistral-small-latest");
        mistral.recordSuccess(caseId, useCase, "p@v1", response("mistral-small-latest", 1_000, 300), 20_000);
        mistral.recordSuccess(null, useCase, "p@v1", response("mistral-small-latest", 5, 5), 1);

        JsonNode perEntity = api.get("marc", "/api/footprint?useCase=" + useCase + "&entity=" + entity)
                .body();
        assertThat(perEntity.get("entity").asText()).isEqualTo(entity);
        assertThat(perEntity.get("total").get("calls").asLong()).isEqualTo(1);
        assertThat(perEntity.get("total").get("inputTokens").asLong()).isEqualTo(1_000);

        JsonNode all = api.get("marc", "/api/footprint?useCase=" + useCase).body();
        assertThat(all.get("rows"))
                .extracting(
                        r -> r.get("entity").isNull() ? "-" : r.get("entity").asText())
                .containsExactlyInAnyOrder(entity, "-");
    }

    @Test
    void onlyManagersDirectorateAiReferentsAndAdministratorsSeeIt() {
        for (String user : new String[] {"marc", "diane", "rachel", "admin"}) {
            assertThat(api.get(user, "/api/footprint").status()).as(user).isEqualTo(200);
        }
        for (String user : new String[] {"alice", "bob", "eric"}) {
            assertThat(api.get(user, "/api/footprint").status()).as(user).isEqualTo(403);
        }
        assertThat(api.get(null, "/api/footprint").status()).isEqualTo(401);
    }

    @Test
    void aBadMonthIsRefusedInFrench() {
        Api.Response response = api.get("marc", "/api/footprint?month=novembre");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("message").asText()).contains("AAAA-MM");
    }
}
