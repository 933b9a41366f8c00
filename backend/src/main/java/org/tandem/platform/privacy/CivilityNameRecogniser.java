package org.tandem.platform.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of people the dossier does not know (a third party, a witness, an expert), found the
 * way French writes them: after a civility ("M. Dupont", "Mme Claire Durand", "Maître Roux").
 * A name without civility is not guessed: without a real named-entity model that would replace
 * too many ordinary capitalised words.
 */
final class CivilityNameRecogniser implements Recogniser {

    private static final String WORD = "\\p{Lu}[\\p{L}\\p{M}]*(?:[-'’]\\p{Lu}?[\\p{L}\\p{M}]+)*";
    private static final Pattern CIVILITY_NAME = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:M\\.|MM\\.|Mr\\.?|Mme|Mmes|Mlle|Madame|Monsieur|Mademoiselle|Me|Ma[iî]tre|Dr\\.?"
                    + "|Docteur|Pr\\.?)[ \\u00A0]+(?<id>(?:\\p{Lu}\\.(?:-\\p{Lu}\\.)?[ \\u00A0]*)?" + WORD
                    + "(?:[ \\u00A0]" + WORD
                    + "){0,2})");

    /** Capitalised words that follow a civility without being a name ("Monsieur le Directeur"…). */
    private static final Set<String> NOT_NAMES = Set.of(
            "le",
            "la",
            "les",
            "l",
            "de",
            "du",
            "des",
            "et",
            "ou",
            "madame",
            "monsieur",
            "mademoiselle",
            "nous",
            "vous",
            "je",
            "il",
            "elle",
            "votre",
            "notre",
            "mon",
            "ma",
            "directeur",
            "directrice",
            "maire",
            "president",
            "presidente",
            "expert",
            "experte",
            "conseiller",
            "conseillere",
            "medecin",
            "docteur",
            "sinistre",
            "objet");

    @Override
    public List<Detection> find(String text) {
        List<Detection> found = new ArrayList<>();
        Matcher m = CIVILITY_NAME.matcher(text);
        while (m.find()) {
            String[] words = m.group("id").split("[ \\u00A0]");
            int kept = 0;
            while (kept < words.length && !NOT_NAMES.contains(Texts.fold(words[kept]))) {
                kept++;
            }
            if (kept == 0) {
                continue;
            }
            String name = String.join(" ", java.util.Arrays.copyOf(words, kept));
            int start = m.start("id");
            int end = start + name.length();
            found.add(new Detection(
                    start,
                    end,
                    TokenKind.PERSONNE,
                    PseudonymMap.UNKNOWN_PERSON + Texts.fold(name),
                    null,
                    text.substring(start, end),
                    Detection.RECOGNISED));
        }
        return found;
    }
}
