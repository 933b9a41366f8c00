package org.tandem.platform.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.platform.privacy.Words.Word;

/**
 * Street addresses of anybody, with or without a postcode: « 18 chemin de la Garenne », « 12 ter,
 * route de la Mer », « 17 RUE ALSACE-LORRAINE », « 47 av de la rochelle », « lieu-dit La Grange
 * Neuve », « Kerkstraat 14 ». The postcode and the city stay in clear (see {@link MemberIdentity}).
 *
 * <p>A street without a number (« la route de Limoges », « rue de la Gare ») is where something
 * happened rather than where someone lives: it stays, unless a word says someone lives there
 * (« demeurant rue… », « j'habite rue… »).
 */
final class AddressRecogniser implements Recogniser {

    private static final String TYPES =
            "rue|r\\.|avenue|av\\.?|ave|boulevard|bd|bld|boul\\.?|place|pl\\.|impasse|imp\\.|all[ée]e"
                    + "|chemin|ch\\.|chem\\.|route|rte|quai|square|sq\\.|cours|faubourg|fbg|fg|r[ée]sidence|r[ée]s\\.|passage"
                    + "|sentier|ruelle|voie|venelle|cit[ée]|lotissement|lot\\.|hameau|parvis|esplanade|promenade|mont[ée]e"
                    + "|traverse|clos|domaine|villa|chauss[ée]e|rond-point";

    /** Types that name a street in any case (« 47 av de la rochelle »); the others need a capital. */
    private static final Set<String> PLAIN_TYPES =
            Set.of("rue", "r", "avenue", "av", "ave", "boulevard", "bd", "impasse", "allee", "chemin", "ch");

    private static final Pattern NUMBERED = Pattern.compile(
            "(?<![\\p{L}\\p{N},.\\-/])\\d{1,4}(?:\\s?(?:bis|ter|quater|[a-dA-D])(?![\\p{L}\\p{N}]))?\\s?,?\\s+(?<type>"
                    + TYPES + ")(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern LIVES = Pattern.compile(
            "(?:j'habite|habite|habitons|domicili[ée]e?|demeurant|r[ée]sidant|r[ée]side)\\s+(?:au\\s+|à\\s+|a\\s+)?(?<type>"
                    + TYPES + ")(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern LIEU_DIT =
            Pattern.compile("(?<![\\p{L}])lieu[- ]dit\\s+(?<type>)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Belgian, Dutch, German, English, Spanish and Portuguese streets: « Kerkstraat 14 », « 10 Baker Street ». */
    private static final Pattern FOREIGN = Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\p{Lu}[\\p{L}\\-]*"
            + "(?:straat|strasse|straße|weg|laan|gasse|plein|steenweg)\\s+\\d{1,4}[a-z]?"
            + "|\\d{1,4}\\s+\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+)?\\s+(?:Street|Road|Lane|Avenue|Drive)"
            + "|(?:Calle|Avenida|Rua|Via|Viale|Piazza)\\s+(?:(?:de|del|da|do|dos|das|la)\\s+)?\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+)?,?\\s+\\d{1,4})"
            + "(?![\\p{L}\\p{N}])");

    private static final Set<String> PARTICLES =
            Set.of("de", "du", "des", "d'", "la", "le", "les", "l'", "aux", "au", "sur", "sous", "en", "et");

    @Override
    public List<Detection> find(String text) {
        Words words = new Words(text);
        List<Detection> found = new ArrayList<>();
        scan(words, NUMBERED.matcher(text), true, found);
        scan(words, LIVES.matcher(text), false, found);
        scan(words, LIEU_DIT.matcher(text), false, found);
        Matcher foreign = FOREIGN.matcher(text);
        while (foreign.find()) {
            found.add(detection(text, foreign.start(), foreign.end()));
        }
        return found;
    }

    private static void scan(Words words, Matcher m, boolean numbered, List<Detection> found) {
        String text = words.text();
        while (m.find()) {
            String type = Texts.fold(m.group("type")).replace(".", "");
            int end = streetNameEnd(words, m.end(), type.isEmpty() || !PLAIN_TYPES.contains(type));
            if (end < 0) {
                continue;
            }
            int start = numbered ? m.start() : m.start("type");
            if (type.isEmpty()) {
                start = m.start();
            }
            found.add(detection(text, start, end));
        }
    }

    /**
     * Where the street's name after its type ends: capitalised words and the particles between them
     * (« de la Garenne », « Alsace-Lorraine », « de l'Hôtel de Ville »), or for a plain type in lower
     * case, particles and one word (« de la rochelle »). -1 when no name follows.
     */
    private static int streetNameEnd(Words words, int from, boolean needsCapital) {
        int i = words.wordAt(from);
        int firstWord = i;
        String text = words.text();
        int end = -1;
        int taken = 0;
        boolean lowerCaseName = false;
        while (i < words.size() && taken < 7) {
            Word w = words.get(i);
            String gap = text.substring(i == firstWord ? from : words.get(i - 1).end(), w.start());
            if (!gap.isBlank()) {
                break;
            }
            String f = w.folded();
            if (PARTICLES.contains(f)
                    || f.startsWith("d'") && !w.capitalised()
                    || f.startsWith("l'") && !w.capitalised()) {
                i++;
                continue;
            }
            if (w.digits()) {
                break;
            }
            if (w.capitalised() || w.allCaps()) {
                end = w.end();
                taken++;
                i++;
                continue;
            }
            if (!needsCapital && end < 0 && !lowerCaseName) {
                // « 47 av de la rochelle », « rue victor hugo »
                end = w.end();
                lowerCaseName = true;
                taken++;
                i++;
                continue;
            }
            break;
        }
        return end;
    }

    private static Detection detection(String text, int start, int end) {
        String value = text.substring(start, end);
        return new Detection(
                start,
                end,
                TokenKind.ADRESSE,
                "ADRESSE|" + Texts.fold(value).replaceAll("[^a-z0-9]", ""),
                null,
                value,
                Detection.RECOGNISED);
    }
}
