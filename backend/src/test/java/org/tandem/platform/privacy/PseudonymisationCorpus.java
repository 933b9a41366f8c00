package org.tandem.platform.privacy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.tandem.members.Member;

/**
 * The French evaluation corpus (src/test/resources/privacy/corpus/*.yaml): realistic messages of the
 * six use cases, each with its dossier and every identifier annotated by type (README.md there).
 */
final class PseudonymisationCorpus {

    /** The identifier types of the annotations; the goals are per type (see {@link PseudonymisationScore}). */
    enum IdType {
        MEMBER_NAME,
        PERSON,
        ADDRESS,
        EMAIL,
        PHONE,
        IBAN,
        NIR,
        PLATE,
        CONTRACT,
        CLAIM,
        MEMBER_NUMBER,
        BIRTH_DATE,
        COMPANY_ID
    }

    record Item(
            String id,
            String useCase,
            String subject,
            Member member,
            List<PersonName> related,
            String text,
            Map<IdType, List<String>> ids,
            List<String> keep) {

        Item {
            related = related == null ? List.of() : related;
            ids = ids == null ? Map.of() : ids;
            keep = keep == null ? List.of() : keep;
        }

        MemberIdentity identity() {
            return member == null
                    ? MemberIdentity.none().withRelatedPersons(related)
                    : member.identity().withRelatedPersons(related);
        }

        /** Every annotated occurrence in the text; an occurrence inside a longer one is that one's. */
        List<Occurrence> occurrences() {
            List<Occurrence> all = new ArrayList<>();
            ids.forEach((type, values) -> values.forEach(value -> {
                Matcher m = flexible(value).matcher(text);
                boolean any = false;
                while (m.find()) {
                    all.add(new Occurrence(type, value, m.start(), m.end()));
                    any = true;
                }
                if (!any) {
                    throw new IllegalStateException(id + ": « " + value + " » is not in the text");
                }
            }));
            all.sort(Comparator.comparingInt((Occurrence o) -> o.end() - o.start())
                    .reversed());
            List<Occurrence> kept = new ArrayList<>();
            for (Occurrence o : all) {
                if (kept.stream().noneMatch(k -> k.start() <= o.start() && o.end() <= k.end())) {
                    kept.add(o);
                }
            }
            kept.sort(Comparator.comparingInt(Occurrence::start));
            return kept;
        }

        /** Where the words to keep in clear are. */
        List<int[]> keptSpans() {
            List<int[]> spans = new ArrayList<>();
            for (String k : keep) {
                Matcher m = flexible(k).matcher(text);
                if (!m.find()) {
                    throw new IllegalStateException(id + ": kept « " + k + " » is not in the text");
                }
                do {
                    spans.add(new int[] {m.start(), m.end()});
                } while (m.find());
            }
            return spans;
        }
    }

    record Occurrence(IdType type, String value, int start, int end) {}

    record Corpus(List<Item> items) {}

    private PseudonymisationCorpus() {}

    /** Whatever the spaces and line breaks between its words, as a whole word. */
    static Pattern flexible(String value) {
        String words = String.join(
                "\\s+",
                Arrays.stream(value.strip().split("\\s+")).map(Pattern::quote).toList());
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + words + "(?![\\p{L}\\p{N}])");
    }

    static List<Item> load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .findAndRegisterModules()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        Map<String, Item> items = new LinkedHashMap<>();
        try {
            Resource[] files =
                    new PathMatchingResourcePatternResolver().getResources("classpath:privacy/corpus/*.yaml");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    for (Item item : yaml.readValue(in, Corpus.class).items()) {
                        if (items.put(item.id(), item) != null) {
                            throw new IllegalStateException("Two corpus items are named " + item.id());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(items.values());
    }
}
