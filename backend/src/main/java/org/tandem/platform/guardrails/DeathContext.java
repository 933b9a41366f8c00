package org.tandem.platform.guardrails;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text (the request, the dossier, the claim) is about a death. Errs on the side of
 * "yes": a false alarm only forbids a pleased opening in a letter that did not need one, a miss
 * sends « J'ai le plaisir… » to a widow.
 *
 * @param cues the words that gave it away, for the reviewer
 */
public record DeathContext(boolean detected, List<String> cues) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern CUES = Pattern.compile(
            String.join(
                    "|",
                    "\\bdeces\\b",
                    "\\bdecede(?:e|s|es)?\\b",
                    "\\bdeceder\\b",
                    "\\bdefunte?s?\\b",
                    "\\bobseques\\b",
                    "\\bfunerailles\\b",
                    "\\binhumation\\b",
                    "\\bcremation\\b",
                    "\\bcondoleances\\b",
                    "\\bveu(?:f|ve)s?\\b",
                    "\\bveuvage\\b",
                    "\\bdeuil\\b",
                    "\\borphelin(?:e|s|es)?\\b",
                    "\\bpompes funebres\\b",
                    "\\bayants? droits?\\b",
                    "\\bcapital deces\\b",
                    "\\bnous a quitte(?:e|s|es)?\\b",
                    "\\bs'est eteinte?\\b",
                    // a person died, not "l'angle mort de mon rétroviseur"
                    "\\b(?:est|sont|etait|etaient|a ete|ont ete) morte?s?\\b",
                    "\\bmorte?s? (?:subitement|brutalement|des suites)\\b",
                    "\\bfeu (?:mon|ma|son|sa|notre|leur)\\b",
                    // "la succession de mon père", not "une succession de sinistres"
                    "(?<!\\bune )\\bsuccession\\b",
                    "\\b(?:perte|disparition) (?:brutale )?de (?:mon|ma|notre|son|sa|leur|votre) (?:mari|epoux|epouse|femme"
                            + "|conjointe?|compagnon|compagne|pere|mere|papa|maman|fils|fille|enfant|bebe|frere|soeur|parents?)\\b"));

    public static DeathContext detect(String text) {
        if (text == null || text.isBlank()) {
            return new DeathContext(false, List.of());
        }
        List<String> cues = new ArrayList<>();
        Matcher m = CUES.matcher(fold(text));
        while (m.find()) {
            if (!cues.contains(m.group())) {
                cues.add(m.group());
            }
        }
        return new DeathContext(!cues.isEmpty(), List.copyOf(cues));
    }

    static String fold(String s) {
        String folded = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD))
                .replaceAll("")
                .replace('’', '\'')
                .replace("œ", "oe")
                .toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(folded).replaceAll(" ");
    }
}
