package org.tandem.platform.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.platform.privacy.PseudonymTokens;

/**
 * Checks a draft, once its real values are restored, before a person sees it — and again on the
 * final text before approval (a placeholder must be filled in, a leftover token replaced).
 *
 * <p>Pure and thread-safe.
 */
public final class OutputGuardrails {

    /**
     * What a draft leaves for a person to fill in: "[À COMPLÉTER : …]" (the pre-prompt asks for it),
     * template variables "{subject}" / "{{nom}}", bracketed fields "[Nom du sociétaire]", "[…]", "XXX", "____".
     */
    static final Pattern PLACEHOLDER = Pattern.compile(
            String.join(
                    "|",
                    "\\[\\s*[àa]\\s+compl[ée]ter[^\\]]*\\]",
                    "\\{\\{?\\s*[\\p{L}_][\\p{L}\\p{N}_.]*\\s*\\}\\}?",
                    "\\[\\s*(?:\\.{3}|…)\\s*\\]",
                    "\\[\\s*(?:nom|pr[ée]nom|date|montant|adresse|num[ée]ro|n°|r[ée]f[ée]rence|ville|signature|t[ée]l[ée]phone"
                            + "|e-?mail|contrat|sinistre|d[ée]lai|somme|iban|civilit[ée]|insérer|inserer|préciser|preciser)"
                            + "\\b[^\\]\\n]{0,80}\\]",
                    "<\\s*(?:[àa] compl[ée]ter|nom|date|montant)[^>\\n]{0,60}>",
                    "(?-i:(?<![\\p{L}\\p{N}])X{3,}(?![\\p{L}\\p{N}]))",
                    "_{4,}"),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Lines before the body: subject, references, place and date, salutation. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]+(?:\\s|$)");
    private static final Pattern HEADER = Pattern.compile(
            "^\\s*(?:objet|obj\\.|r[ée]f(?:[ée]rences?)?\\.?|n/r[ée]f|v/r[ée]f|nos r[ée]f[ée]rences|vos r[ée]f[ée]rences"
                    + "|dossier|contrat|sinistre|concerne|pi[èe]ces? jointes?|p\\.j\\.)\\s*[:.].*$"
                    + "|^\\s*(?:[\\p{L}' -]+,\\s*)?le \\d{1,2}(?:er)?\\s+\\p{L}+\\s+\\d{4}\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern SALUTATION = Pattern.compile(
            "^\\s*(?:madame|monsieur|mademoiselle|mesdames|messieurs|ch[èe]re?s?|bonjour|bonsoir|ma[iî]tre|docteur"
                    + "|madame,? monsieur)\\b[^.!?\\n]{0,80}?,",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int OPENING_SENTENCES = 2;

    public List<Violation> check(String draft, GuardrailRules rules, GuardrailContext context) {
        List<Violation> violations = new ArrayList<>();
        if (draft == null || draft.isBlank()) {
            violations.add(new Violation(
                    ViolationCode.EMPTY,
                    "Le brouillon est vide.",
                    "Ta réponse précédente était vide : rédige le texte demandé."));
            return violations;
        }
        List<int[]> tokens = leftoverTokens(draft, violations);
        placeholders(draft, tokens, violations);
        openings(draft, rules, context, violations);
        lengths(draft.strip().length(), rules, violations);
        for (RequiredMention mention : rules.requiredMentions()) {
            if (!mention.isIn(draft)) {
                violations.add(new Violation(
                        ViolationCode.MISSING_MENTION,
                        "Le brouillon ne contient pas la mention obligatoire " + mention.label() + ".",
                        "Le texte doit comporter " + mention.label() + "."));
            }
        }
        return List.copyOf(violations);
    }

    private static List<int[]> leftoverTokens(String draft, List<Violation> violations) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = PseudonymTokens.LEFTOVER.matcher(draft);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            if (!found.contains(m.group())) {
                found.add(m.group());
            }
        }
        if (!found.isEmpty()) {
            violations.add(new Violation(
                    ViolationCode.LEFTOVER_TOKEN,
                    "Le brouillon contient des marqueurs de pseudonymisation qui n'ont pas pu être remplacés par les "
                            + "vraies valeurs : " + quoted(found) + ". Ils doivent être corrigés avant l'approbation.",
                    "Recopie les marqueurs entre crochets exactement comme ils figurent dans la demande, crochets "
                            + "compris, sans les modifier ni en inventer de nouveaux."));
        }
        return spans;
    }

    private static void placeholders(String draft, List<int[]> tokens, List<Violation> violations) {
        Matcher m = PLACEHOLDER.matcher(draft);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            int start = m.start();
            boolean isToken = tokens.stream().anyMatch(t -> start >= t[0] && start < t[1]);
            if (!isToken && !found.contains(m.group())) {
                found.add(m.group());
            }
        }
        if (!found.isEmpty()) {
            violations.add(new Violation(
                    ViolationCode.PLACEHOLDER,
                    "À compléter avant l'approbation : " + quoted(found) + ".",
                    "Les passages à compléter sont renseignés par le conseiller."));
        }
    }

    private static void openings(
            String draft, GuardrailRules rules, GuardrailContext context, List<Violation> violations) {
        List<ForbiddenOpening> all = new ArrayList<>(List.of(ForbiddenOpening.AFTER_A_DEATH));
        all.addAll(rules.forbiddenOpenings());
        String opening = null;
        for (ForbiddenOpening rule : all) {
            if (!context.has(rule.when())) {
                continue;
            }
            opening = opening == null ? DeathContext.fold(opening(draft)) : opening;
            for (String phrase : rule.phrases()) {
                if (opening.contains(DeathContext.fold(phrase))) {
                    violations.add(new Violation(
                            ViolationCode.FORBIDDEN_OPENING,
                            rule.reasonFr() + " (« " + phrase + " » en ouverture).",
                            rule.reasonFr() + ". N'utilise aucune formule de satisfaction ou de plaisir au début du "
                                    + "texte"
                                    + (rule.when() == ContextFlag.DEATH
                                            ? " ; commence par exprimer tes "
                                                    + "condoléances et ton attention à la personne."
                                            : ".")));
                    break;
                }
            }
        }
    }

    /** The first sentences of the body: after the subject, references, date and salutation. */
    static String opening(String draft) {
        String[] lines = LINE_BREAK.split(draft.strip());
        StringBuilder body = new StringBuilder();
        boolean inBody = false;
        for (String line : lines) {
            if (!inBody) {
                if (line.isBlank() || HEADER.matcher(line).matches()) {
                    continue;
                }
                Matcher salutation = SALUTATION.matcher(line);
                if (salutation.find()) {
                    line = line.substring(salutation.end());
                    if (line.isBlank()) {
                        inBody = true;
                        continue;
                    }
                }
                inBody = true;
            }
            body.append(line.strip()).append(' ');
        }
        String text = body.toString();
        int end = 0;
        Matcher sentence = SENTENCE_END.matcher(text);
        for (int i = 0; i < OPENING_SENTENCES && sentence.find(); i++) {
            end = sentence.end();
        }
        return end == 0 ? text : text.substring(0, end);
    }

    private static void lengths(int length, GuardrailRules rules, List<Violation> violations) {
        if (rules.minLength() != null && length < rules.minLength()) {
            violations.add(new Violation(
                    ViolationCode.TOO_SHORT,
                    "Le brouillon est trop court : " + length + " caractères pour " + rules.minLength()
                            + " au minimum.",
                    "Le texte doit faire au moins " + rules.minLength() + " caractères : développe la réponse."));
        }
        if (rules.maxLength() != null && length > rules.maxLength()) {
            violations.add(new Violation(
                    ViolationCode.TOO_LONG,
                    "Le brouillon est trop long : " + length + " caractères pour " + rules.maxLength() + " au maximum.",
                    "Le texte doit faire au plus " + rules.maxLength() + " caractères : raccourcis-le."));
        }
    }

    private static String quoted(List<String> values) {
        return String.join(
                        ", ", values.stream().limit(5).map(v -> "« " + v + " »").toList())
                + (values.size() > 5 ? " et " + (values.size() - 5) + " autres" : "");
    }
}
