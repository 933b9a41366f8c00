package org.tandem.platform.privacy;

import static org.tandem.platform.privacy.Texts.END;
import static org.tandem.platform.privacy.Texts.SEP;
import static org.tandem.platform.privacy.Texts.START;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The recognisers for identifiers of anybody, checked where a check exists. */
final class Recognisers {

    private static final String G = SEP + "?";

    /** sex, year, month, department (2A/2B for Corsica), commune, order, key — with or without separators. */
    private static final Pattern NON_DIGITS = Pattern.compile("\\D");

    static final Pattern NIR = Pattern.compile(
            START + "[1-478](?:" + G + "\\d){4}" + G + "(?:\\d" + G + "\\d|2" + G + "[AaBb])(?:" + G + "\\d){8}" + END);

    /**
     * A NIR announced as such ("n° de sécurité sociale :", "NIR :") but incomplete or mistyped: the
     * words say what it is, so it is replaced without its check, unlike a bare 15-digit number.
     */
    static final Pattern NIR_ANNOUNCED = Pattern.compile(
            "(?:s[ée]curit[ée]\\s+sociale|\\bNIR\\b|\\bn°\\s*SS\\b"
                    + "|\\bs[ée]cu\\b)\\s*(?:est\\s+le|est|:)?\\s*:?\\s*(?<id>[1-478](?:" + G + "\\d){4}" + G
                    + "(?:\\d" + G + "\\d|2" + G + "[AaBb])(?:" + G + "\\d){6}(?:" + G + "\\d\\d)?)" + END,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static final Pattern SIRET = Pattern.compile(START + "\\d{3}" + G + "\\d{3}" + G + "\\d{3}" + G + "\\d{5}" + END);
    static final Pattern SIREN = Pattern.compile(START + "\\d{3}" + G + "\\d{3}" + G + "\\d{3}" + END);

    static final Pattern EMAIL =
            Pattern.compile("(?<![\\w.+\\-])[A-Za-z0-9][A-Za-z0-9._%+\\-]*@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}" + END);

    /**
     * 0X XX XX XX XX, +33 X XX XX XX XX, +33 (0)X…, 0033 X…, with spaces, dots or hyphens — the same
     * separator between every pair, so that "0532 0130 01" inside a longer number is not a phone.
     */
    static final Pattern PHONE = Pattern.compile("(?<![\\p{L}\\p{N}+])(?:(?:\\+|00)33" + SEP + "{0,2}(?:\\(0\\)" + SEP
            + "{0,2})?|0)[1-9](" + SEP + "{0,2})\\d{2}(?:\\1\\d{2}){3}" + END);

    /** Since 2009 (SIV): AA-123-AA; letters I, O and U are never used. */
    static final Pattern PLATE_SIV =
            Pattern.compile(START + "[A-HJ-NP-TV-Z]{2}[\\- ]?\\d{3}[\\- ]?[A-HJ-NP-TV-Z]{2}" + END);
    /** Before 2009 (FNI): 123 ABC 45, 1234 AB 2A, 12 ABC 971. */
    static final Pattern PLATE_FNI =
            Pattern.compile(START + "\\d{1,4}[\\- ]?[A-Z]{2,3}[\\- ]?(?:0[1-9]|[1-8]\\d|9[0-5]|2[AB]|97[1-6])" + END);

    private static final String MONTHS = "janvier|janv\\.?|f[ée]vrier|f[ée]vr?\\.?|mars|avril|avr\\.?|mai|juin"
            + "|juillet|juil\\.?|ao[uû]t|septembre|sept?\\.?|octobre|oct\\.?|novembre|nov\\.?|d[ée]cembre|d[ée]c\\.?";
    static final String ANY_DATE = "(?:\\d{1,2}(?:er)?[/.\\- ]\\d{1,2}[/.\\- ](?:\\d{4}|\\d{2})"
            + "|(?:1er|\\d{1,2})\\s+(?:" + MONTHS + ")\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}"
            + "|(?:1er|\\d{1,2}|" + SpelledNumbers.NUMBER + ")\\s+(?:" + MONTHS + ")\\s+(?:\\d{4}|"
            + SpelledNumbers.NUMBER + "))";
    /**
     * A date of birth by its context: "né le", "née le", "né(e) le", "né à Parthenay le", "né le :",
     * "date de naissance :", "naissance :", "DDN", "DDN Sonia :"; in figures or in words.
     */
    static final Pattern BIRTH_DATE = Pattern.compile(
            "(?:\\bn[ée](?:\\(e\\)|e)?s?(?:\\s+[àa]\\s+\\p{Lu}[\\p{L}'’\\-]*(?:[\\s\\-]\\p{Lu}[\\p{L}'’\\-]*){0,3})?\\s+le"
                    + "\\s*:?|date\\s+de\\s+naissance\\s*:?(?:\\s+le)?|\\bnaissance\\s*:|\\bDDN(?:\\s+\\p{Lu}\\p{L}+)?\\s*:?)\\s*(?<id>"
                    + ANY_DATE + ")" + END,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Numbers outside France: +32 470 12 34 56, +44 7700 900123, +39 347 123 4567 (France has {@link #PHONE}). */
    static final Pattern PHONE_ABROAD = Pattern.compile("(?<![\\p{L}\\p{N}+])\\+(?!33)[1-9]\\d{0,2}"
            + "[ .\\-]?(?:\\(0\\)[ .\\-]?)?\\d{1,4}(?:[ .\\-]?\\d{2,4}){1,4}" + END);

    /** Spanish (4821 KJT), Belgian (1-ABC-234) and German (M-KH 4412) plates, met in claims abroad. */
    static final Pattern PLATE_ABROAD = Pattern.compile(START
            + "(?:\\d{4}[ \\-]?[BCDFGHJKLMNPRSTVWXYZ]{3}|[1-9]-[A-Z]{3}-\\d{3}|[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}[ \\-]\\d{1,4}[EH]?)"
            + END);

    /** A contract number in groups of digits announced as such: « Contrat Multirisque Habitation n° 502 118 447 ». */
    static final Pattern SPACED_CONTRACT = Pattern.compile(
            "(?i:\\b(?:contrat|police)\\b[^\\n\\d]{0,40}?\\bn[°o]\\.?\\s*:?\\s*)(?<id>\\d{2,4}(?:[ .]\\d{2,4}){1,4}[A-Z]?)"
                    + END);

    private Recognisers() {}

    static List<Recogniser> all(List<ReferencePattern> references) {
        List<Recogniser> all = new ArrayList<>(List.of(
                PatternRecogniser.of(TokenKind.NIR, NIR, v -> Checksums.nir(Texts.compact(v)), Texts::compact),
                new PatternRecogniser(TokenKind.NIR, NIR_ANNOUNCED, v -> true, Texts::compact, Detection.CONTEXTUAL),
                new IbanRecogniser(),
                PatternRecogniser.of(TokenKind.SIRET, SIRET, v -> Checksums.siret(Texts.compact(v)), Texts::compact),
                PatternRecogniser.of(TokenKind.SIREN, SIREN, v -> Checksums.siren(Texts.compact(v)), Texts::compact),
                PatternRecogniser.of(TokenKind.EMAIL, EMAIL, v -> true, v -> v.toLowerCase(Locale.ROOT)),
                PatternRecogniser.of(TokenKind.TEL, PHONE, v -> true, Recognisers::nationalPhone),
                PatternRecogniser.of(TokenKind.IMMAT, PLATE_SIV, v -> true, Texts::compact),
                PatternRecogniser.of(TokenKind.IMMAT, PLATE_FNI, v -> true, Texts::compact),
                new PatternRecogniser(
                        TokenKind.DATE_NAISSANCE, BIRTH_DATE, v -> true, FrenchDates::key, Detection.CONTEXTUAL),
                PatternRecogniser.of(TokenKind.TEL, PHONE_ABROAD, Recognisers::plausibleAbroad, Texts::compact),
                PatternRecogniser.of(TokenKind.IMMAT, PLATE_ABROAD, v -> true, Texts::compact),
                new PatternRecogniser(
                        TokenKind.CONTRAT, SPACED_CONTRACT, v -> true, Texts::compact, Detection.CONTEXTUAL),
                new CivilityNameRecogniser(),
                new NameRecogniser(),
                new AddressRecogniser()));
        for (ReferencePattern reference : references) {
            all.add(new PatternRecogniser(
                    reference.kind(), reference.compiled(), v -> true, Texts::compact, Detection.CONTEXTUAL));
        }
        return all;
    }

    /** Between 8 and 15 digits, as international numbers have. */
    static boolean plausibleAbroad(String value) {
        long digits = value.chars().filter(Character::isDigit).count();
        return digits >= 8 && digits <= 15;
    }

    /** "+33 6 12…", "0033612…" and "06 12…" are one number: 0 and the nine digits. */
    static String nationalPhone(String value) {
        String digits = NON_DIGITS.matcher(value.replace("(0)", "")).replaceAll("");
        if (digits.startsWith("0033")) {
            digits = "0" + digits.substring(4);
        } else if (digits.startsWith("33") && value.strip().startsWith("+")) {
            digits = "0" + digits.substring(2);
        }
        return digits;
    }
}
