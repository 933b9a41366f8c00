package org.tandem.platform.privacy;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The token format, {@code [KIND_N]} or {@code [PERSONNE_N_NOM]} / {@code [PERSONNE_N_PRENOM]}, and
 * the patterns that find tokens again in what a model wrote, including the ones it mangled.
 */
public final class PseudonymTokens {

    private static final String KINDS = Arrays.stream(TokenKind.values())
            .map(k -> k.label().replace("_", "[_\\s-]"))
            .collect(Collectors.joining("|"));

    /**
     * A token as a model may echo it: any case, spaces inside the brackets, a space or hyphen for
     * an underscore, doubled brackets ({@code [personne_1]}, {@code [ PERSONNE 1 ]}, {@code [[TEL_1]]}).
     */
    public static final Pattern BRACKETED = Pattern.compile(
            "\\[{1,2}\\s*(?<kind>" + KINDS + ")[_\\s-]*(?<n>\\d+)" + "(?:[_\\s-]+(?<part>NOM|PR[EÉ]NOM))?\\s*\\]{1,2}",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A token that lost its brackets ("Madame PERSONNE_1_NOM"): never restored, always reported. */
    public static final Pattern BARE = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\[_])(?:" + KINDS.replace("[_\\s-]", "_")
                    + ")_\\d+(?:_(?:NOM|PR[EÉ]NOM))?(?![\\p{L}\\p{N}\\]_])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * Anything shaped like a token of a kind we do not issue ("[NOM_1]", "[CLIENT_2]"): a model
     * inventing its own tokens. Reported like an unknown token.
     */
    public static final Pattern TOKEN_LIKE = Pattern.compile("\\[\\s*\\p{Lu}{2,}(?:_\\p{Lu}+)*_\\d+\\s*\\]");

    /** Any of the above: what must not remain in a restored text (the output guardrail uses it). */
    public static final Pattern LEFTOVER = Pattern.compile(
            BRACKETED.pattern() + "|" + BARE.pattern() + "|" + TOKEN_LIKE.pattern(),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * What the model must know about the tokens, for the system prompt. Append it after the prompt
     * is pseudonymised: the pseudonymiser neutralises token-shaped text in its input ("[PERSONNE_1]"
     * becomes "(PERSONNE_1)"), so this note would lose its examples if it went through it.
     */
    public static final String PROMPT_NOTE_FR = """

            Les données personnelles ont été remplacées par des marqueurs entre crochets, par exemple \
            [PERSONNE_1] (le sociétaire), [PERSONNE_1_NOM] (son nom de famille), [PERSONNE_1_PRENOM] (son \
            prénom), [CONTRAT_1], [TEL_1]. Recopie ces marqueurs exactement, crochets compris, là où la valeur \
            doit apparaître ; n'en invente aucun et ne cherche pas à deviner les valeurs qu'ils remplacent.
            """;

    private PseudonymTokens() {}

    /** The canonical label, without brackets: PERSONNE_1, PERSONNE_1_NOM. */
    static String label(TokenKind kind, int n, String part) {
        return kind.label() + "_" + n + (part == null ? "" : "_" + part);
    }

    static String bracketed(String label) {
        return "[" + label + "]";
    }

    /** The canonical label of a token as echoed: "[ personne 1 ]" → PERSONNE_1. */
    static String canonical(Matcher bracketed) {
        String kind = bracketed.group("kind").toUpperCase(Locale.ROOT).replaceAll("[_\\s-]+", "_");
        String part = bracketed.group("part");
        return kind + "_" + Integer.parseInt(bracketed.group("n"))
                + (part == null ? "" : "_" + Texts.fold(part).toUpperCase(Locale.ROOT));
    }
}
