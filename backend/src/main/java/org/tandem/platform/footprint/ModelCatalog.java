package org.tandem.platform.footprint;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The models Tandem knows the size and price of, read from a YAML file (default
 * {@code classpath:footprint/models.yaml}) so prices can follow the contract without a release.
 * Providers answer with their own names ("mistral-small-latest", "llama3.1:8b",
 * "meta-llama/Llama-3.1-8B-Instruct"), so a model is found by its longest matching alias: the
 * alias itself, or the alias followed by "-" and a suffix (-latest, -2407, -instruct). Not by ":",
 * Ollama's tag separator: "llama3.1:405b" is not "llama3.1", so tags are listed as aliases.
 */
public final class ModelCatalog {

    public static final String DEFAULT_LOCATION = "footprint/models.yaml";

    private final List<CatalogEntry> entries;

    public ModelCatalog(List<CatalogEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ModelCatalog defaults() {
        try (InputStream in = ModelCatalog.class.getClassLoader().getResourceAsStream(DEFAULT_LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DEFAULT_LOCATION + " on the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // the file's shape: a number for an exact parameter count, {min, max} for a closed model
    record FileEntry(
            String name,
            String provider,
            Object params,
            Object active,
            Object total,
            List<String> aliases,
            Map<String, Double> price) {}

    record File(List<FileEntry> models) {}

    public static ModelCatalog load(InputStream yaml) throws IOException {
        File file = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(yaml, File.class);
        List<CatalogEntry> entries = new ArrayList<>();
        for (FileEntry e : file.models()) {
            ModelSpec spec = e.params() != null
                    ? ModelSpec.dense(e.name(), e.provider(), range(e.params(), e.name()))
                    : new ModelSpec(e.name(), e.provider(), range(e.active(), e.name()), range(e.total(), e.name()));
            List<String> aliases = new ArrayList<>();
            aliases.add(normalise(e.name()));
            if (e.aliases() != null) {
                e.aliases().forEach(a -> aliases.add(normalise(a)));
            }
            Price price = e.price() == null
                    ? null
                    : new Price(e.price().getOrDefault("input", 0.0), e.price().getOrDefault("output", 0.0));
            entries.add(new CatalogEntry(spec, List.copyOf(aliases), price));
        }
        return new ModelCatalog(entries);
    }

    private static Range range(Object value, String model) {
        if (value instanceof Number n) {
            return Range.of(n.doubleValue());
        }
        if (value instanceof Map<?, ?> m && m.get("min") instanceof Number min && m.get("max") instanceof Number max) {
            return new Range(min.doubleValue(), max.doubleValue());
        }
        throw new IllegalArgumentException(
                "Model " + model + ": parameters must be a number or {min, max}, got " + value);
    }

    public List<CatalogEntry> all() {
        return entries;
    }

    /** The entry whose alias is the longest match of the name a provider gave. */
    public Optional<CatalogEntry> find(String modelName) {
        if (modelName == null || modelName.isBlank()) {
            return Optional.empty();
        }
        String name = normalise(modelName);
        record Match(CatalogEntry entry, int length) {}
        return entries.stream()
                .flatMap(entry -> entry.aliases().stream()
                        .filter(alias -> matches(name, alias))
                        .map(alias -> new Match(entry, alias.length())))
                .max(Comparator.comparingInt(Match::length))
                .map(Match::entry);
    }

    private static boolean matches(String name, String alias) {
        return name.equals(alias) || name.startsWith(alias) && name.charAt(alias.length()) == '-';
    }

    /** "meta-llama/Llama-3.1-8B-Instruct" → "llama-3.1-8b-instruct": the organisation prefix says nothing of the size. */
    static String normalise(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.substring(lower.lastIndexOf('/') + 1);
    }
}
