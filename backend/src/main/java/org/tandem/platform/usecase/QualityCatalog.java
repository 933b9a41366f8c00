package org.tandem.platform.usecase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Each use case's {@link QualitySettings}, read from the {@code quality:} block of its file in
 * processes/use-cases/ (kept apart from {@link UseCase} so the quality loop's settings evolve on their own):
 *
 * <pre>
 * quality:
 *   reasons: [factual-error, tone, {code: wrong-amount, fr: Montant erroné, en: Wrong amount}]
 *   secondReview: {rate: 0.1, acceptedUnchangedRate: 0.25}
 *   evaluation: {referenceCases: 20}
 *   readingFloor: {characters: 1000, seconds: 20}
 * </pre>
 *
 * A file without the block gets {@code tandem.quality.*}. A wrong block stops the start-up with the file's name.
 */
@Component
public class QualityCatalog {

    private final Map<String, QualitySettings> byKey = new TreeMap<>();
    private final QualitySettings defaults;

    public QualityCatalog(
            @Value("${tandem.use-cases.location:classpath:processes/use-cases/}") String location,
            QualityProperties properties) {
        this.defaults = new QualitySettings(
                properties.reasons().stream()
                        .map(code -> ReasonCatalogue.standard(code)
                                .orElseThrow(() -> new IllegalStateException(
                                        "tandem.quality.reasons: unknown reason " + code + "; known: "
                                                + ReasonCatalogue.STANDARD.stream()
                                                        .map(ReviewReason::code)
                                                        .toList())))
                        .toList(),
                properties.secondReviewRate(),
                properties.acceptedUnchangedRate(),
                properties.referenceCases(),
                Math.round(properties.readingFloor().toMillis()
                        * 1000.0
                        / Math.max(1, properties.readingFloorCharacters())));
        check(defaults, "tandem.quality");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources(location.replaceFirst("^classpath:", "classpath*:") + "*.yaml")) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode file = yaml.readTree(in);
                    if (file != null && file.hasNonNull("key")) {
                        byKey.put(file.get("key").asText(), read(file.path("quality"), resource.getFilename()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the use cases' quality settings from " + location, e);
        }
    }

    /** The use case's settings; the defaults for a key no file has (e.g. a use case created by a test). */
    public QualitySettings settings(String useCaseKey) {
        return byKey.getOrDefault(useCaseKey, defaults);
    }

    private QualitySettings read(JsonNode block, String file) {
        if (block.isMissingNode() || block.isNull()) {
            return defaults;
        }
        List<ReviewReason> reasons = defaults.reasons();
        if (block.has("reasons")) {
            reasons = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode item : block.get("reasons")) {
                ReviewReason reason = item.isTextual()
                        ? ReasonCatalogue.standard(item.asText())
                                .orElseThrow(() -> new IllegalStateException("Use case file " + file
                                        + ": quality.reasons names an unknown reason " + item.asText()
                                        + " (give it as {code, fr, en})"))
                        : new ReviewReason(
                                item.path("code").asText(""),
                                item.path("fr").asText(""),
                                item.path("en").asText(""));
                if (!reason.code().matches("[a-z0-9-]{1,64}")
                        || reason.fr().isBlank()
                        || reason.en().isBlank()) {
                    throw new IllegalStateException("Use case file " + file
                            + ": each quality reason needs a code (a-z, 0-9, -), a French and an English label");
                }
                if (!seen.add(reason.code())) {
                    throw new IllegalStateException(
                            "Use case file " + file + ": quality reason " + reason.code() + " is listed twice");
                }
                reasons.add(reason);
            }
        }
        JsonNode second = block.path("secondReview");
        JsonNode floor = block.path("readingFloor");
        long floorPer1000 = defaults.readingFloorMsPer1000Chars();
        if (!floor.isMissingNode()) {
            double seconds = floor.path("seconds").asDouble(-1);
            int characters = floor.path("characters").asInt(1000);
            if (seconds < 0 || characters < 1) {
                throw new IllegalStateException(
                        "Use case file " + file + ": quality.readingFloor needs seconds ≥ 0 and characters ≥ 1");
            }
            floorPer1000 = Math.round(seconds * 1000 * 1000.0 / characters);
        }
        QualitySettings settings = new QualitySettings(
                reasons,
                second.path("rate").asDouble(defaults.secondReviewRate()),
                second.path("acceptedUnchangedRate").asDouble(defaults.acceptedUnchangedRate()),
                block.path("evaluation").path("referenceCases").asInt(defaults.referenceCases()),
                floorPer1000);
        check(settings, "Use case file " + file);
        return settings;
    }

    private static void check(QualitySettings s, String where) {
        if (s.secondReviewRate() < 0 || s.secondReviewRate() > 1) {
            throw new IllegalStateException(where + ": the second review's rate must be between 0 and 1");
        }
        if (s.acceptedUnchangedRate() < 0 || s.acceptedUnchangedRate() > 1) {
            throw new IllegalStateException(where + ": acceptedUnchangedRate must be between 0 and 1");
        }
        if (s.referenceCases() < 1 || s.referenceCases() > 500) {
            throw new IllegalStateException(where + ": referenceCases must be between 1 and 500");
        }
        if (s.reasons().isEmpty()) {
            throw new IllegalStateException(where + ": at least one review reason");
        }
    }
}
