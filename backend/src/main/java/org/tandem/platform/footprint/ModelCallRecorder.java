package org.tandem.platform.footprint;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.tandem.platform.ai.AiFailure;
import org.tandem.platform.ai.AiProperties;
import org.tandem.platform.ai.OfflineModel;

/**
 * Stores every model call with its tokens, latency, cost and footprint. The provider and hosting
 * are the configured ones; the model is the one the provider says answered, priced and sized from
 * the {@link ModelCatalog}.
 */
@Service
public class ModelCallRecorder {

    public static final String OFFLINE = "offline";
    private static final Logger log = LoggerFactory.getLogger(ModelCallRecorder.class);

    private final JdbcClient jdbc;
    private final ModelCatalog catalog;
    private final AiProperties ai;
    private final Hosting hosting;
    private final Set<String> unknownModelsWarned = ConcurrentHashMap.newKeySet();
    private final ModelCallMeters meters;

    ModelCallRecorder(JdbcClient jdbc, ModelCatalog catalog, AiProperties ai, FootprintProperties footprint) {
        this(jdbc, catalog, ai, footprint, (ModelCallMeters) null);
    }

    @Autowired
    ModelCallRecorder(
            JdbcClient jdbc,
            ModelCatalog catalog,
            AiProperties ai,
            FootprintProperties footprint,
            ObjectProvider<MeterRegistry> registry) {
        this(
                jdbc,
                catalog,
                ai,
                footprint,
                registry.getIfAvailable() == null ? null : new ModelCallMeters(registry.getIfAvailable()));
    }

    private ModelCallRecorder(
            JdbcClient jdbc,
            ModelCatalog catalog,
            AiProperties ai,
            FootprintProperties footprint,
            ModelCallMeters meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.ai = ai;
        this.hosting = hosting(ai.hosting(), footprint);
    }

    private static Hosting hosting(String key, FootprintProperties footprint) {
        return switch (key) {
            case Hosting.MISTRAL -> Hosting.mistral();
            case Hosting.OPENAI -> Hosting.openAi();
            case Hosting.ON_PREMISES -> footprint.onPremisesHosting();
            default ->
                throw new IllegalStateException("tandem.ai.hosting must be mistral, openai or on-premises, not " + key);
        };
    }

    /** A call that answered: model and tokens from the provider's response. */
    public RecordedModelCall recordSuccess(
            Long caseId, String useCaseKey, String promptVersion, ChatResponse response, long latencyMs) {
        if (ai.provider() == AiProperties.Provider.OFFLINE || OfflineModel.NAME.equals(response.modelName())) {
            return record(new ModelCall(
                    caseId, useCaseKey, promptVersion, OFFLINE, OfflineModel.NAME, 0, 0, latencyMs, null));
        }
        TokenUsage usage = response.tokenUsage();
        return record(new ModelCall(
                caseId,
                useCaseKey,
                promptVersion,
                ai.provider().key(),
                Optional.ofNullable(response.modelName()).orElse(ai.model()),
                usage == null ? null : usage.inputTokenCount(),
                usage == null ? null : usage.outputTokenCount(),
                latencyMs,
                null));
    }

    /** A call that failed: no tokens came back; the configured model is the one that was asked. */
    public RecordedModelCall recordFailure(
            Long caseId, String useCaseKey, String promptVersion, AiFailure failure, long latencyMs) {
        boolean offline = ai.provider() == AiProperties.Provider.OFFLINE;
        return record(new ModelCall(
                caseId,
                useCaseKey,
                promptVersion,
                offline ? OFFLINE : ai.provider().key(),
                offline ? OfflineModel.NAME : ai.model(),
                null,
                null,
                latencyMs,
                failure));
    }

    public RecordedModelCall record(ModelCall call) {
        BigDecimal cost;
        Footprint footprint;
        if (OFFLINE.equals(call.provider())) {
            cost = BigDecimal.ZERO;
            footprint = Footprint.offline();
        } else {
            Optional<CatalogEntry> entry = catalog.find(call.model()).or(() -> catalog.find(ai.model()));
            if (entry.isEmpty() && unknownModelsWarned.add(call.model())) {
                log.warn(
                        "Model {} is not in the footprint catalogue: its calls are recorded without cost or footprint",
                        call.model());
            }
            long in = call.inputTokens() == null ? 0 : call.inputTokens();
            // only output tokens count in the method; a failed call returned none we know of
            long out = call.outputTokens() == null ? 0 : call.outputTokens();
            cost = entry.map(e -> e.price() == null ? null : e.price().costEur(in, out))
                    .orElse(null);
            footprint = entry.map(e ->
                            FootprintCalculator.estimate(e.spec(), hosting, out, Duration.ofMillis(call.latencyMs())))
                    .orElse(null);
        }
        long id = insert(call, cost, footprint);
        // ids and figures only: never the prompt nor the answer
        log.info(
                "Model call {} recorded: provider={} model={} outcome={} latencyMs={} tokensIn={} tokensOut={}",
                id,
                call.provider(),
                call.model(),
                call.succeeded() ? "success" : call.failure().kind(),
                call.latencyMs(),
                call.inputTokens(),
                call.outputTokens());
        if (meters != null) {
            try {
                meters.publish(call, cost, footprint);
            } catch (RuntimeException e) {
                log.warn("Could not publish the metrics of model call {}", id, e);
            }
        }
        return new RecordedModelCall(id, call, cost, footprint);
    }

    private long insert(ModelCall c, BigDecimal cost, Footprint f) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into model_call (case_id, use_case_key, provider, model, prompt_version, input_tokens,
                            output_tokens, latency_ms, cost_eur, energy_wh_min, energy_wh_max, usage_kgco2e_min,
                            usage_kgco2e_max, embodied_kgco2e_min, embodied_kgco2e_max, method_version, outcome,
                            failure_kind, failure_reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        c.caseId(),
                        c.useCaseKey(),
                        c.provider(),
                        truncate(c.model(), 200),
                        c.promptVersion(),
                        c.inputTokens(),
                        c.outputTokens(),
                        c.latencyMs(),
                        cost,
                        f == null ? null : f.energyWh().min(),
                        f == null ? null : f.energyWh().max(),
                        f == null ? null : f.usageKgCo2e().min(),
                        f == null ? null : f.usageKgCo2e().max(),
                        f == null ? null : f.embodiedKgCo2e().min(),
                        f == null ? null : f.embodiedKgCo2e().max(),
                        f == null ? null : f.methodVersion(),
                        c.succeeded() ? "OK" : "FAILED",
                        c.succeeded() ? null : c.failure().kind().name(),
                        c.succeeded() ? null : c.failure().reasonFr())
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
