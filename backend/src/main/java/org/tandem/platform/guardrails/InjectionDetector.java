package org.tandem.platform.guardrails;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags passages of untrusted text (a member's message, a pasted document, a knowledge passage)
 * that try to instruct the model. The fence in the prompt already tells the model that the text
 * is data; this tells the people reviewing the draft that someone tried, so that they read the
 * draft knowing it.
 *
 * <p>Heuristic by nature: French and English phrasings, chat markup, encoded and invisible text.
 * Members write to the insurer with "vous"; an imperative with "tu" aimed at an assistant is the
 * strongest signal, which is why many patterns require it, and why "J'ignore si mon contrat…"
 * or "répondez-moi uniquement par courrier" are not flagged. A paraphrased instruction with none
 * of these markers goes through: the flags inform the reviewer, they are not the only defence.
 *
 * <p>Pure and thread-safe.
 */
public final class InjectionDetector {

    private record Rule(InjectionKind kind, Pattern pattern) {}

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE;

    /** Not after a first- or third-person subject: "je réponds uniquement maintenant" is not an order. */
    private static final String IMPERATIVE = "(?<!\\bj')(?<!\\bje )(?<!\\bil )(?<!\\belle )(?<!\\bon )(?<!\\bqui )";

    private static final String RULES_WORDS =
            "(?:instructions?|consignes?|regles?|directives?|indications?|prompts?" + "|ordres?)";

    private static final List<Rule> RULES = List.of(
            rule(
                    InjectionKind.IGNORE_INSTRUCTIONS,
                    IMPERATIVE + "\\b(?:ignore|ignorez|ignorer|oublie|oubliez|oublier"
                            + "|neglige|negligez|ecarte|ecartez|fais abstraction d[e']|faites abstraction d[e']"
                            + "|ne tiens (?:pas|plus) compte d[e']|ne tenez (?:pas|plus) compte d[e']|ne respecte (?:pas|plus)"
                            + "|ne suis (?:pas|plus))\\s*(?:toutes?\\s+|tous\\s+)?(?:les|tes|vos|ces|des|l'ensemble des|la|le)?"
                            + "\\s*(?:\\p{L}+\\s+)?" + RULES_WORDS + "\\b"),
            rule(InjectionKind.IGNORE_INSTRUCTIONS, IMPERATIVE + "\\b(?:oublie|oubliez)\\s+tout\\b"),
            rule(
                    InjectionKind.IGNORE_INSTRUCTIONS,
                    "\\b(?:ignore|ignorez|oublie|oubliez)\\s+(?:tout\\s+)?ce qui "
                            + "(?:precede|est (?:ecrit )?(?:au-dessus|ci-dessus|plus haut))"),
            rule(
                    InjectionKind.IGNORE_INSTRUCTIONS,
                    "\\b(?:ignore|disregard|forget|skip|override|bypass)\\s+(?:all\\s+|any\\s+"
                            + "|the\\s+|your\\s+|my\\s+|every\\s+|of\\s+)*(?:previous|prior|above|earlier|preceding|former"
                            + "|initial|original|system|existing)?\\s*(?:instructions?|prompts?|rules|directions|guidelines"
                            + "|directives|context)\\b"),
            rule(
                    InjectionKind.IGNORE_INSTRUCTIONS,
                    "\\bforget (?:everything|all)\\b|\\b(?:ignore|disregard|forget)\\s+"
                            + "(?:the above|what (?:you|i) (?:were|was|have been|had been) told|(?:all |everything )?(?:above"
                            + "|before this)|everything (?:else|you were told))"),
            rule(
                    InjectionKind.ROLE_CHANGE,
                    "\\b(?:tu es|vous etes|tu deviens|vous devenez)\\s+(?:maintenant\\s+|desormais"
                            + "\\s+|a present\\s+|a partir de maintenant\\s+)?(?:un|une|le|la|l')\\s*(?:\\p{L}+\\s+)?(?:assistant"
                            + "|ia|intelligence artificielle|modele|chatbot|robot|agent|personnage|pirate|hacker|dan)\\b"),
            rule(
                    InjectionKind.ROLE_CHANGE,
                    "\\b(?:a partir de maintenant|desormais|dorenavant|des a present)\\s*,?\\s*" + "tu\\b"),
            rule(
                    InjectionKind.ROLE_CHANGE,
                    "\\btu es maintenant\\b|\\btu n'es plus\\b|\\bvous n'etes plus (?:un|une) "
                            + "(?:assistant|ia|modele|robot|chatbot)\\b"),
            rule(InjectionKind.ROLE_CHANGE, "\\bfais comme si tu\\b|\\bimagine que tu es\\b"),
            rule(
                    InjectionKind.ROLE_CHANGE,
                    "(?:^|[.!?:;,]\\s*|\\btu\\s+)(?:joue|incarne|endosse)\\s+(?:le role|un |une " + "|le personnage)"),
            rule(InjectionKind.ROLE_CHANGE, "(?<!\\bj')\\bagis\\s+(?:comme|en tant que|en)\\b"),
            rule(
                    InjectionKind.ROLE_CHANGE,
                    "\\byou are now\\b|\\bfrom now on\\b|\\bact as\\b|\\bpretend (?:to be|you"
                            + " are|that you)\\b|\\brole-?play\\b|\\bimpersonate\\b"),
            rule(
                    InjectionKind.OUTPUT_CONTROL,
                    IMPERATIVE + "\\b(?:reponds|ecris|dis|affiche|redige|renvoie|termine)"
                            + "(?:-moi)?\\s+(?:uniquement|seulement|simplement|juste|exactement|mot pour mot)\\b"),
            rule(
                    InjectionKind.OUTPUT_CONTROL,
                    "\\b(?:repondez|ecrivez)\\s+(?:uniquement|seulement|exactement)\\s*(?::|par"
                            + "|avec)?\\s*(?:oui\\b|non\\b|ok\\b|le mot|la phrase|[\"«“'])"),
            // at a sentence start, not after a colon: "ma fille m'a dit : ne dis rien" is a quote
            rule(
                    InjectionKind.OUTPUT_CONTROL,
                    "(?:^|[.!?;]\\s*)ne (?:mentionne|parle|dis|precise|cite|revele|indique)" + "\\b"),
            rule(
                    InjectionKind.OUTPUT_CONTROL,
                    "\\byou (?:will|must|should|shall) (?:now |only |always )?(?:answer|respond"
                            + "|reply|act|write|output|say|behave|pretend|ignore|approve|accept|confirm)\\b|\\boverride\\b"
                            + "|\\boutput (?:the|only|just)\\b"),
            rule(
                    InjectionKind.OUTPUT_CONTROL,
                    "\\b(?:respond|reply|answer|output|print|say|write)\\s+(?:only|just|exactly"
                            + "|verbatim)\\b|\\bonly (?:respond|reply|answer|output) with\\b|\\binclude the (?:word|phrase)\\b"),
            rule(
                    InjectionKind.SYSTEM_PROMPT,
                    "\\bsystem\\s*prompt\\b|\\bprompt\\s+(?:systeme|system|initial|interne)\\b"
                            + "|\\bpre-?prompt\\b|\\bmessage systeme\\b|\\binstructions? (?:systeme|internes?|cachees?|initiales?"
                            + "|secretes?)\\b|\\b(?:ton|tes|your)\\s+(?:[\\p{L}']+\\s+){0,2}(?:d')?(?:instructions?|consignes?|regles"
                            + "|prompt|system)\\b"),
            rule(
                    InjectionKind.JAILBREAK,
                    "\\bjailbreak|\\bdo anything now\\b|\\bmode (?:developpeur|dev|sans filtre"
                            + "|debridee?|god|admin|administrateur|root|super-?utilisateur)\\b|\\b(?:admin|god|root) mode\\b|\\bdeveloper mode\\b|\\bsans (?:aucun )?(?:filtre|censure)\\b|\\bunrestricted\\b"
                            + "|\\b(?:no|without) (?:restrictions|filters|censorship)\\b|\\b(?:ia|assistant|modele|reponds?)\\s+"
                            + "sans (?:aucune )?(?:restriction|limite)s?\\b"),
            rule(
                    InjectionKind.NEW_INSTRUCTIONS,
                    "\\b(?:consigne|instruction|ordre|directive)s? (?:prioritaires?|absolues?"
                            + "|imperatives?|supplementaires? pour)\\b|\\bpriorite absolue\\b|\\b(?:remplace|modifie|change"
                            + "|mets a jour) (?:toutes )?(?:tes|les) (?:regles|consignes|instructions)\\b"),
            rule(
                    InjectionKind.NEW_INSTRUCTIONS,
                    "\\b(?:voici|voila)\\s+(?:tes|vos)\\s+nouvelles\\s+" + RULES_WORDS
                            + "|\\bnouvelles? (?:instructions?|consignes?)\\s*(?::|du conseiller|de la direction|du systeme"
                            + "|de l'administrateur|pour l'ia)|\\bnew (?:instructions?|rules|task)\\b"),
            rule(
                    InjectionKind.ADDRESSES_MODEL,
                    "\\bdans ta reponse\\b|\\bta reponse (?:doit|devra)\\b|\\btu dois "
                            + "(?:ecrire|repondre|dire|indiquer|accorder|confirmer|valider|accepter)\\b|\\ben tant qu'(?:ia"
                            + "|intelligence artificielle|assistant|modele de langage)\\b|\\b(?:cher|chere|hey|hello|bonjour|salut)\\s+"
                            + "(?:chat ?gpt|gpt|ia|assistant|robot|modele|llm)\\b"),
            // a note or a call addressed to the model rather than to the adviser
            rule(
                    InjectionKind.ADDRESSES_MODEL,
                    "\\b(?:note|message|consigne|instruction|remarque|info)s?\\s+(?:\\p{L}+\\s+)?"
                            + "(?:pour|a|au|a l'attention d[eu']|destinee? a)\\s*(?:l'|le |la )?(?:ia|intelligence artificielle"
                            + "|modele|assistant|robot|chatbot|llm|outil(?: de redaction)?|generateur|redacteur automatique)\\b|(?:^|[.!?]\\s*)(?:attention\\s+)?(?:ia|modele|llm|assistant|chat ?gpt)"
                            + "\\s*[:,]"),
            // an imperative with "tu" at a sentence start: members write to the insurer with "vous" (no verb
            // that is also a heading or an adjective in pasted documents: "Résumé :", "Valide du… au…")
            rule(
                    InjectionKind.ADDRESSES_MODEL,
                    "(?:^|[.!?;]\\s*)(?:n')?(?:ne )?(?:ecris|redige|reecris|applique|remplace"
                            + "|ajoute|accorde|confirme|accepte|rembourse|propose|supprime|modifie|considere|mets|agis"
                            + "|reponds|revele|traduis|imagine|fais)\\b(?! (?:vous|nous)\\b)"),
            rule(
                    InjectionKind.ADDRESSES_MODEL,
                    "\\bje t'(?:ordonne|demande|interdis|autorise|ordonne)\\b|\\btu (?:vas|dois"
                            + "|devras|vas devoir|peux)\\s+(?:maintenant\\s+|desormais\\s+)?(?:agir|ecrire|repondre|rediger|oublier"
                            + "|ignorer|accepter|valider|accorder|confirmer|indiquer|mentionner|jouer|te comporter|faire comme)\\b"),
            rule(
                    InjectionKind.HIDE_FROM_REVIEWER,
                    "\\bne (?:le |la |les |lui |leur |l')?(?:signale|dis|mentionne|montre"
                            + "|revele|indique|precise)z? (?:surtout |absolument )?(?:pas|jamais|rien) (?:au|a la|aux|a l') ?"
                            + "(?:conseiller|conseillere|expert|experte|relecteur|relectrice|humain|collaborateur|gestionnaire"
                            + "|valideur)s?\\b|\\b(?:sans|ne pas) (?:le )?(?:signaler|dire|mentionner) (?:au|a l') ?(?:conseiller"
                            + "|expert|relecteur|humain)\\b|\\b(?:don't|do not|never) (?:tell|mention|show)\\b.{0,30}\\b(?:adviser"
                            + "|advisor|reviewer|human|agent)\\b"),
            rule(
                    InjectionKind.CHAT_MARKUP,
                    "\\[(?:system|systeme|admin|administrateur|developer|assistant)\\]|<\\|?\\s*(?:im_start|im_end|system|endoftext|eot_id|start_header_id)\\s*\\|?>"
                            + "|\\[/?inst\\]|<</?sys>>|^\\s*#{2,}\\s*(?:instructions?|system|systeme|new instructions?)\\b"
                            + "|^\\s*(?:system|systeme|assistant|user|developer|ia)\\s*:|</?(?:system|instructions?|prompt"
                            + "|assistant)>"),
            rule(InjectionKind.FENCE_ESCAPE, "<\\s*/?\\s*message_societaire"));

    /** Upper-case DAN is the jailbreak; "Dan" is a first name. Matched on the original text. */
    private static final Pattern DAN = Pattern.compile("\\bDAN\\b");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern BLANKS = Pattern.compile("[ \\t\\u00A0\\u202F]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Zero-width, bidirectional overrides and isolates, Unicode tags (used to smuggle invisible ASCII). */
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\u200B-\\u200D\\u2060-\\u2064\\uFEFF\\u202A-\\u202E\\u2066-\\u2069\\x{E0000}-\\x{E007F}]");

    private static final Pattern BASE64 =
            Pattern.compile("(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=_-])");

    private static Rule rule(InjectionKind kind, String regex) {
        return new Rule(kind, Pattern.compile(regex, FLAGS));
    }

    /** One flag per kind, with the first passage of that kind; empty for an ordinary message. */
    public List<InjectionFlag> scan(String untrustedText) {
        if (untrustedText == null || untrustedText.isBlank()) {
            return List.of();
        }
        List<InjectionFlag> flags = new ArrayList<>();
        Set<InjectionKind> seen = EnumSet.noneOf(InjectionKind.class);
        Matcher invisible = INVISIBLE.matcher(untrustedText);
        if (invisible.find()) {
            add(
                    flags,
                    seen,
                    InjectionKind.INVISIBLE_CHARACTERS,
                    "U+"
                            + Integer.toHexString(untrustedText.codePointAt(invisible.start()))
                                    .toUpperCase(Locale.ROOT));
        }
        String normalised = normalise(untrustedText);
        scanPhrases(normalised, flags, seen);
        if (DAN.matcher(untrustedText).find()) {
            add(flags, seen, InjectionKind.JAILBREAK, "DAN");
        }
        Matcher blob = BASE64.matcher(untrustedText);
        while (blob.find()) {
            String decoded = decodedText(blob.group());
            if (decoded != null) {
                add(flags, seen, InjectionKind.ENCODED_PAYLOAD, excerpt(normalise(decoded), 0, decoded.length()));
                // what the blob says counts as if it were written in clear
                scanPhrases(normalise(decoded), flags, seen);
            }
        }
        return List.copyOf(flags);
    }

    private static void scanPhrases(String normalised, List<InjectionFlag> flags, Set<InjectionKind> seen) {
        for (Rule rule : RULES) {
            if (seen.contains(rule.kind())) {
                continue;
            }
            Matcher m = rule.pattern().matcher(normalised);
            if (m.find()) {
                add(flags, seen, rule.kind(), excerpt(normalised, m.start(), m.end()));
            }
        }
    }

    private static void add(List<InjectionFlag> flags, Set<InjectionKind> seen, InjectionKind kind, String excerpt) {
        if (seen.add(kind)) {
            flags.add(new InjectionFlag(kind, excerpt));
        }
    }

    /**
     * Compatibility forms folded (full-width letters become ASCII), invisible characters dropped
     * (so "ig\u200Bnore" reads "ignore"), accents removed, lower case, one space between words.
     */
    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = INVISIBLE.matcher(s).replaceAll("");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = s.replace('’', '\'').replace('‘', '\'').toLowerCase(Locale.ROOT);
        return BLANKS.matcher(s).replaceAll(" ");
    }

    private static String excerpt(String text, int start, int end) {
        int from = Math.max(0, start - 15);
        int to = Math.min(text.length(), Math.max(end, start + 40) + 15);
        String excerpt =
                WHITESPACE.matcher(text.substring(from, to)).replaceAll(" ").strip();
        return excerpt.length() > 80 ? excerpt.substring(0, 79) + "…" : excerpt;
    }

    /** The blob's text when it decodes to readable UTF-8 (random tokens in links decode to binary). */
    private static String decodedText(String blob) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder()
                    .decode(blob.length() % 4 == 0 ? blob : blob + "=".repeat((4 - blob.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        long readable = text.codePoints()
                .filter(c ->
                        Character.isLetterOrDigit(c) || Character.isWhitespace(c) || ".,;:!?'\"()-«»".indexOf(c) >= 0)
                .count();
        boolean words = text.contains(" ");
        return words && readable >= 0.9 * text.codePointCount(0, text.length()) ? text : null;
    }
}
