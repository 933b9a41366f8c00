package org.tandem.platform.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Replaces the member's identifiers with stable tokens before a prompt leaves the JVM for a
 * provider that is not on our premises (GDPR; proposals 20 and 27), so that the provider sees
 * "[PERSONNE_1_NOM]" and "[CONTRAT_1]", never a name or a number.
 *
 * <p>Two sources of identifiers: the dossier's known values ({@link MemberIdentity}), matched in
 * their variants, and recognisers for identifiers of anybody (NIR, IBAN, SIREN/SIRET — only when
 * their check digits hold —, e-mail, phone, plates, the insurer's references, dates after "né le",
 * names after a civility, names without one by the lexicon of first names and their place in the
 * text, street addresses). Where two overlap the longer wins, then the dossier's; a person's name
 * takes the initials written next to it (« K. Benali », « Julien B. »).
 *
 * <p>Pure and thread-safe: no state but the reference patterns and what the recognisers found in texts that
 * recur (a use case's pre-prompt), which depends on nothing else.
 */
public final class Pseudonymiser {

    private static final Comparator<Detection> PREFERRED = Comparator.comparingInt(Detection::length)
            .reversed()
            .thenComparing(Comparator.comparingInt(Detection::priority).reversed())
            .thenComparingInt(Detection::start);

    private final List<Recogniser> recognisers;
    private final RecurringTexts<List<Detection>> recurring = new RecurringTexts<>(64);

    public Pseudonymiser(List<ReferencePattern> references) {
        this.recognisers = List.copyOf(Recognisers.all(references));
    }

    /** With the default reference patterns ({@link ReferencePattern#defaults()}). */
    public Pseudonymiser() {
        this(ReferencePattern.defaults());
    }

    /** The first text of a case. */
    public Pseudonymised pseudonymise(String text, MemberIdentity known) {
        return pseudonymise(text, known, PseudonymMap.empty());
    }

    /** A further text of the same case: the values already seen keep their tokens. */
    public Pseudonymised pseudonymise(String text, MemberIdentity known, PseudonymMap previous) {
        return pseudonymise(text, known, new KnownValues(known), previous);
    }

    /** The same with the dossier's values already compiled: a call's texts share them ({@link PseudonymisationSession}). */
    Pseudonymised pseudonymise(String text, MemberIdentity known, KnownValues values, PseudonymMap previous) {
        PseudonymMap.Builder map = previous.toBuilder();
        List<PersonName> persons = known.persons();
        for (int i = 0; i < persons.size(); i++) {
            map.reservePerson("PERSONNE|person#" + i, persons.get(i));
        }
        if (text == null || text.isEmpty()) {
            return new Pseudonymised(text, map.build());
        }
        String clean = neutraliseTokens(Texts.withoutFormatCharacters(text));
        List<Detection> detections = select(detect(clean, values), clean);
        // people in order of appearance, but a first or last name alone waits for the full name it starts or
        // ends ("Mme Perrin… Mme Sylvie Perrin", "Marc… Marc Dumont"), so that both are one person
        List<String> fullNames = detections.stream()
                .map(Detection::key)
                .filter(k -> k.startsWith(PseudonymMap.UNKNOWN_PERSON) && k.contains(" "))
                .toList();
        detections.stream()
                .filter(d -> d.key().startsWith(PseudonymMap.UNKNOWN_PERSON))
                .filter(d ->
                        d.key().contains(" ") || fullNames.stream().noneMatch(k -> PseudonymMap.partOf(d.key(), k)))
                .forEach(map::tokenFor);
        StringBuilder out = new StringBuilder(clean.length());
        int at = 0;
        for (Detection d : detections) {
            out.append(clean, at, d.start()).append(map.tokenFor(d));
            at = d.end();
        }
        out.append(clean.substring(at));
        return new Pseudonymised(out.toString(), map.build());
    }

    /**
     * Every identifier in the text as it will be replaced, left to right (after overlaps are
     * resolved). Offsets refer to the text without its invisible format characters.
     */
    public List<Detection> identifiers(String text, MemberIdentity known) {
        String clean = neutraliseTokens(Texts.withoutFormatCharacters(text));
        return select(detect(clean, new KnownValues(known)), clean);
    }

    private List<Detection> detect(String text, KnownValues known) {
        List<Detection> all = new ArrayList<>(known.find(text));
        all.addAll(recurring.get(text, this::recognised));
        return all;
    }

    /** What the recognisers find, whoever the dossier's member is. */
    private List<Detection> recognised(String text) {
        List<Detection> all = new ArrayList<>();
        for (Recogniser recogniser : recognisers) {
            all.addAll(recogniser.find(text));
        }
        return List.copyOf(all);
    }

    /** How many texts' detections are kept (tests). */
    int recurringTexts() {
        return recurring.size();
    }

    /** Longest first, then the dossier's over a recogniser's; then back in text order. */
    private static List<Detection> select(List<Detection> all, String text) {
        List<Detection> kept = new ArrayList<>();
        all.stream().sorted(PREFERRED).forEach(d -> {
            if (d.length() > 0 && kept.stream().noneMatch(d::overlaps)) {
                kept.add(d);
            }
        });
        kept.sort(Comparator.comparingInt(Detection::start));
        List<Detection> withInitials = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            Detection d = kept.get(i);
            int floor = i == 0 ? 0 : kept.get(i - 1).end();
            int ceiling = i + 1 < kept.size() ? kept.get(i + 1).start() : text.length();
            withInitials.add(d.kind() == TokenKind.PERSONNE ? Initials.around(d, text, floor, ceiling) : d);
        }
        return withInitials;
    }

    /**
     * Token-shaped text already in the input ("[PERSONNE_2]" typed by a member, or planted to make
     * us restore someone else's value) becomes "(PERSONNE_2)": only tokens we issued are restored.
     */
    static String neutraliseTokens(String text) {
        Matcher m = PseudonymTokens.LEFTOVER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String token = m.group();
            String neutral = token.startsWith("[") ? "(" + token.replaceAll("^\\[+|\\]+$", "") + ")" : token;
            m.appendReplacement(out, Matcher.quoteReplacement(neutral));
        }
        m.appendTail(out);
        return out.toString();
    }
}
