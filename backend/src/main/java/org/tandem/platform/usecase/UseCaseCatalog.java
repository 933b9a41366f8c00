package org.tandem.platform.usecase;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.tandem.platform.web.ApiException;

/** The use cases shipped in processes/use-cases/, loaded once at start-up. */
@Component
public class UseCaseCatalog {

    private final Map<String, UseCase> byKey = new TreeMap<>();

    public UseCaseCatalog(@Value("${tandem.use-cases.location:classpath:processes/use-cases/}") String location) {
        // durations as the files write them: "PT45S"
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources(location.replaceFirst("^classpath:", "classpath*:") + "*.yaml");
            Map<String, String> fileOf = new TreeMap<>();
            for (Resource resource : resources) {
                UseCase useCase = read(yaml, resource);
                validate(useCase, resource.getFilename());
                String other = fileOf.putIfAbsent(useCase.key(), resource.getFilename());
                if (other != null) {
                    // a copied file whose key was not changed would silently hide the original
                    throw new IllegalStateException("Use case files " + other + " and " + resource.getFilename()
                            + " both have the key " + useCase.key());
                }
                byKey.put(useCase.key(), useCase);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the use cases from " + location, e);
        }
        if (byKey.isEmpty()) {
            throw new IllegalStateException("No use case found in " + location);
        }
    }

    private static UseCase read(ObjectMapper yaml, Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return yaml.readValue(in, UseCase.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(
                    "Use case file " + resource.getFilename() + " cannot be read: " + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ")"),
                    e);
        }
    }

    private static void validate(UseCase u, String file) {
        if (!StringUtils.hasText(u.key())
                || u.name() == null
                || !StringUtils.hasText(u.capability())
                || !StringUtils.hasText(u.expertGroup())
                || !StringUtils.hasText(u.approverGroup())
                || !StringUtils.hasText(u.prePrompt())) {
            throw new IllegalStateException(
                    "Use case file " + file + " needs key, name, capability, expertGroup, approverGroup and prePrompt");
        }
        var ai = u.aiSettings();
        if (ai.whenBudgetSpent() == UseCase.BudgetFallback.SMALLER_MODEL && !StringUtils.hasText(ai.smallerModel())) {
            throw new IllegalStateException(
                    "Use case file " + file + ": whenBudgetSpent SMALLER_MODEL needs smallerModel");
        }
        if (u.retention() == null || u.retention().isNegative() || u.retention().isZero()) {
            throw new IllegalStateException(
                    "Use case file " + file
                            + " needs retention: how long its cases keep personal data after closure (ISO-8601 period, e.g. P2Y)");
        }
        if (u.answerWithin() != null
                && (u.answerWithin().getYears() != 0
                        || u.answerWithin().getMonths() != 0
                        || u.answerWithin().getDays() <= 0)) {
            throw new IllegalStateException("Use case file " + file + ": answerWithin " + u.answerWithin()
                    + " is not an answer time: a positive number of business days (ISO-8601 days, e.g. P10D)");
        }
        if (u.escalation() != null && u.answerWithin() == null) {
            throw new IllegalStateException("Use case file " + file
                    + ": escalation needs answerWithin (nothing is late without an answer time)");
        }
        if (ai.concurrency() != null && ai.concurrency() < 1) {
            throw new IllegalStateException("Use case file " + file + ": ai.concurrency must be at least 1");
        }
    }

    public Collection<UseCase> all() {
        return byKey.values();
    }

    public Optional<UseCase> find(String key) {
        return Optional.ofNullable(key).map(byKey::get);
    }

    public UseCase require(String key) {
        return find(key).orElseThrow(() -> ApiException.badRequest("Le cas d'usage « " + key + " » n'existe pas."));
    }
}
