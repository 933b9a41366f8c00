package org.tandem.platform.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dossier's own values, matched exactly but forgivingly: any case and accents for names and
 * the street, any usual format for the phone number and the date of birth. These win over the
 * recognisers on the same text, and give the restored spelling (the dossier's).
 */
final class KnownValues implements Recogniser {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** How a street type is written in full and abbreviated. */
    private static final Map<String, String> STREET_TYPES = Map.ofEntries(
            Map.entry("rue", "rue|r\\."),
            Map.entry("avenue", "avenue|av\\.?|ave\\.?"),
            Map.entry("boulevard", "boulevard|bd\\.?|boul\\.?|bld\\.?"),
            Map.entry("place", "place|pl\\.?"),
            Map.entry("impasse", "impasse|imp\\.?"),
            Map.entry("allee", "all[ée]e|all\\.?"),
            Map.entry("chemin", "chemin|ch\\.?|chem\\.?"),
            Map.entry("route", "route|rte\\.?"),
            Map.entry("quai", "quai"),
            Map.entry("square", "square|sq\\.?"),
            Map.entry("cours", "cours|crs\\.?"),
            Map.entry("faubourg", "faubourg|fg\\.?|fbg\\.?"),
            Map.entry("residence", "r[ée]sidence|r[ée]s\\.?"));

    /** A street address's number, street type and name ("12 bis rue des Lilas"). */
    private static final Pattern ADDRESS_PARTS =
            Pattern.compile("^\\s*(\\d+\\s*(?:(?:bis|ter|b|t)(?!\\p{L}))?)?[\\s,]*(\\p{L}+\\.?)\\s+(.+?)\\s*$", FLAGS);
    /** The separators between a reference's letter and digit groups. */
    private static final Pattern REFERENCE_SEPARATORS = Pattern.compile("[\\s\\-/.]+");

    private record KnownPattern(
            Pattern pattern, TokenKind kind, String key, String part, String restored, boolean capitalised) {}

    private final List<KnownPattern> matchers = new ArrayList<>();

    KnownValues(MemberIdentity known) {
        List<PersonName> persons = known.persons();
        for (int i = 0; i < persons.size(); i++) {
            addPerson(persons.get(i), "PERSONNE|person#" + i);
        }
        if (known.birthDate() != null) {
            matchers.add(new KnownPattern(
                    Pattern.compile(FrenchDates.anySpelling(known.birthDate()), FLAGS),
                    TokenKind.DATE_NAISSANCE,
                    "DATE_NAISSANCE|" + known.birthDate(),
                    null,
                    null,
                    false));
        }
        if (hasText(known.email())) {
            matchers.add(new KnownPattern(
                    Pattern.compile(Texts.START + Pattern.quote(known.email().strip()) + Texts.END, FLAGS),
                    TokenKind.EMAIL,
                    "EMAIL|" + known.email().strip().toLowerCase(Locale.ROOT),
                    null,
                    known.email().strip(),
                    false));
        }
        if (hasText(known.phone())) {
            addPhone(known.phone());
        }
        if (hasText(known.address())) {
            addAddress(known.address());
        }
        if (hasText(known.policyNumber())) {
            matchers.add(new KnownPattern(
                    Pattern.compile(Texts.START + reference(known.policyNumber()) + Texts.END, FLAGS),
                    TokenKind.CONTRAT,
                    "CONTRAT|" + Texts.compact(known.policyNumber()),
                    null,
                    known.policyNumber().strip(),
                    false));
        }
        if (hasText(known.memberNumber())) {
            matchers.add(new KnownPattern(
                    Pattern.compile(Texts.START + reference(known.memberNumber()) + Texts.END, FLAGS),
                    TokenKind.SOCIETAIRE,
                    "SOCIETAIRE|" + Texts.compact(known.memberNumber()),
                    null,
                    known.memberNumber().strip(),
                    false));
        }
    }

    /**
     * Full name in both orders, any case; first or last name alone only when written with a
     * capital, so that a member named Petit or Rose does not turn "un petit accident" into a token.
     */
    private void addPerson(PersonName person, String key) {
        String first = person.firstName();
        String last = person.lastName();
        if (!first.isEmpty()) {
            String both = "(?:" + Texts.flexible(first) + "[\\s\\u00A0,]{1,3}" + Texts.flexible(last) + "|"
                    + Texts.flexible(last) + "[\\s\\u00A0,]{1,3}" + Texts.flexible(first) + ")";
            matchers.add(new KnownPattern(
                    Pattern.compile(Texts.START + both + Texts.END, FLAGS),
                    TokenKind.PERSONNE,
                    key,
                    null,
                    person.fullName(),
                    false));
            matchers.add(new KnownPattern(
                    Pattern.compile(Texts.START + Texts.flexible(first) + "(?![\\p{L}\\p{N}\\-])", FLAGS),
                    TokenKind.PERSONNE,
                    key,
                    "PRENOM",
                    first,
                    true));
        }
        // a hyphen before the name is a compound place or name ("Saint-Martin"), not our member
        matchers.add(new KnownPattern(
                Pattern.compile("(?<![\\p{L}\\p{N}\\-])" + Texts.flexible(last) + "(?![\\p{L}\\p{N}\\-])", FLAGS),
                TokenKind.PERSONNE,
                key,
                "NOM",
                last,
                true));
    }

    /** The national number with any separators between digits, or in international form. */
    private void addPhone(String phone) {
        String national = Recognisers.nationalPhone(phone);
        if (national.length() != 10) {
            matchers.add(new KnownPattern(
                    Pattern.compile(Texts.START + Pattern.quote(phone.strip()) + Texts.END),
                    TokenKind.TEL,
                    "TEL|" + national,
                    null,
                    phone.strip(),
                    false));
            return;
        }
        StringBuilder rest = new StringBuilder();
        for (char d : national.substring(1).toCharArray()) {
            rest.append(rest.isEmpty() ? "" : Texts.SEP + "{0,2}").append(d);
        }
        String regex = "(?<![\\p{N}+])(?:0|(?:\\+|00)33" + Texts.SEP + "{0,2}(?:\\(0\\)" + Texts.SEP + "{0,2})?)"
                + Texts.SEP + "{0,2}" + rest + "(?![\\p{N}])";
        matchers.add(
                new KnownPattern(Pattern.compile(regex), TokenKind.TEL, "TEL|" + national, null, phone.strip(), false));
    }

    /**
     * The street with its number ("12 rue des Lilas", "12, r. des lilas", "12 bis rue…") or without it
     * ("rue des Lilas"): both are the member's home. The city is not part of it (see {@link MemberIdentity}).
     */
    private void addAddress(String address) {
        Matcher parts = ADDRESS_PARTS.matcher(address);
        String key = "ADRESSE|" + Texts.fold(address).replaceAll("[^a-z0-9]", "");
        if (!parts.matches()) {
            matchers.add(new KnownPattern(
                    Pattern.compile(Texts.START + Texts.flexible(address) + Texts.END, FLAGS),
                    TokenKind.ADRESSE,
                    key,
                    null,
                    address.strip(),
                    false));
            return;
        }
        String number = parts.group(1) == null ? null : parts.group(1).replaceAll("\\s", "");
        String type = Texts.fold(parts.group(2)).replace(".", "");
        String typeRegex = STREET_TYPES.getOrDefault(type, Texts.flexible(parts.group(2)));
        String street = "(?:" + typeRegex + ")\\s+" + Texts.flexible(parts.group(3));
        String withNumber = number == null
                ? street
                : "(?:" + Pattern.quote(number.replaceAll("\\D", "")) + "(?:\\s*"
                        + Pattern.quote(number.replaceAll("\\d", "")) + ")?[\\s,]{1,3})?" + street;
        matchers.add(new KnownPattern(
                Pattern.compile(Texts.START + withNumber + Texts.END, FLAGS),
                TokenKind.ADRESSE,
                key,
                null,
                address.strip(),
                false));
    }

    /** A reference with any separator between its letter and digit groups: AUTO-2024-118734, AUTO 2024 118734. */
    private static String reference(String value) {
        String[] groups = REFERENCE_SEPARATORS.split(value.strip());
        StringBuilder regex = new StringBuilder();
        for (String group : groups) {
            regex.append(regex.isEmpty() ? "" : "[\\s\\u00A0\\-/.]?").append(Pattern.quote(group));
        }
        return regex.toString();
    }

    @Override
    public List<Detection> find(String text) {
        List<Detection> found = new ArrayList<>();
        for (KnownPattern known : matchers) {
            Matcher m = known.pattern().matcher(text);
            while (m.find()) {
                if (known.capitalised() && !Character.isUpperCase(text.charAt(m.start()))) {
                    continue;
                }
                String restored = known.restored() == null ? m.group() : known.restored();
                found.add(new Detection(
                        m.start(), m.end(), known.kind(), known.key(), known.part(), restored, Detection.KNOWN));
            }
        }
        return found;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
