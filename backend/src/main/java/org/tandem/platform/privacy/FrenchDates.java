package org.tandem.platform.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as French texts write them: 12/03/1984, 12.03.84, 12 mars 1984, 1er mars 1984, 1984-03-12. */
final class FrenchDates {

    private static final List<String> MONTH_STEMS =
            List.of("janv", "fev", "mars", "avr", "mai", "juin", "juil", "aou", "sep", "oct", "nov", "dec");
    private static final List<String> MONTH_REGEX = List.of(
            "janvier|janv\\.?",
            "f[ée]vrier|f[ée]vr?\\.?",
            "mars",
            "avril|avr\\.?",
            "mai",
            "juin",
            "juillet|juil\\.?",
            "ao[uû]t",
            "septembre|sept?\\.?",
            "octobre|oct\\.?",
            "novembre|nov\\.?",
            "d[ée]cembre|d[ée]c\\.?");

    private static final Pattern NUMERIC =
            Pattern.compile("(\\d{1,2})(?:er)?[/.\\- ](\\d{1,2})[/.\\- ](\\d{4}|\\d{2})");
    private static final Pattern TEXTUAL = Pattern.compile("(1er|\\d{1,2})\\s+(\\p{L}+)\\.?\\s+(\\d{4})");
    /** « douze août mil neuf cent cinquante et un », « 6 juin mille neuf cent quarante-sept ». */
    private static final Pattern SPELLED = Pattern.compile(
            "(1er|\\d{1,2}|" + SpelledNumbers.NUMBER + ")\\s+(\\p{L}+)\\.?\\s+(\\d{4}|" + SpelledNumbers.NUMBER + ")",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private FrenchDates() {}

    /** The ISO date when the text is one, so that every spelling of a date shares a token; else the text. */
    static String key(String text) {
        LocalDate date = parse(text.strip());
        return date == null ? Texts.compact(text) : date.toString();
    }

    static LocalDate parse(String text) {
        try {
            Matcher m = ISO.matcher(text);
            if (m.matches()) {
                return LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = NUMERIC.matcher(text);
            if (m.matches()) {
                return LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
            m = TEXTUAL.matcher(text);
            if (m.matches()) {
                int month = month(m.group(2));
                int day = m.group(1).equals("1er") ? 1 : Integer.parseInt(m.group(1));
                return month == 0 ? null : LocalDate.of(Integer.parseInt(m.group(3)), month, day);
            }
            m = SPELLED.matcher(Texts.singleSpaced(text));
            if (m.matches()) {
                int month = month(m.group(2));
                int day = number(m.group(1));
                int year = number(m.group(3));
                return month == 0 || day < 1 || year < 1000 ? null : LocalDate.of(year, month, day);
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static int number(String s) {
        if (s.equals("1er")) {
            return 1;
        }
        return s.chars().allMatch(Character::isDigit) ? Integer.parseInt(s) : SpelledNumbers.parse(s);
    }

    /** Two-digit years are births: "84" is 1984, "05" is 2005 (a year not yet reached is last century). */
    private static int year(String y) {
        if (y.length() == 4) {
            return Integer.parseInt(y);
        }
        int yy = Integer.parseInt(y);
        int thisYear = Year.now().getValue() % 100;
        return yy <= thisYear ? 2000 + yy : 1900 + yy;
    }

    private static int month(String word) {
        String folded = Texts.fold(word);
        for (int i = 0; i < MONTH_STEMS.size(); i++) {
            if (folded.startsWith(MONTH_STEMS.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Every usual spelling of one date, as a regex (for the member's known date of birth). */
    static String anySpelling(LocalDate d) {
        String day = d.getDayOfMonth() < 10 ? "0?" + d.getDayOfMonth() : String.valueOf(d.getDayOfMonth());
        String textDay = d.getDayOfMonth() == 1 ? "(?:1er|0?1)" : day;
        String month = d.getMonthValue() < 10 ? "0?" + d.getMonthValue() : String.valueOf(d.getMonthValue());
        String year = String.valueOf(d.getYear());
        String shortYear = year.substring(2);
        String numericSep = "\\s?[/.\\-]\\s?|\\s";
        return "(?<![\\p{N}])(?:"
                + textDay + "(?:" + numericSep + ")" + month + "(?:" + numericSep + ")(?:" + year + "|" + shortYear
                + ")"
                + "|" + textDay + "\\s+(?:" + MONTH_REGEX.get(d.getMonthValue() - 1) + ")\\s+" + year
                + "|" + year + "-" + String.format(Locale.ROOT, "%02d-%02d", d.getMonthValue(), d.getDayOfMonth())
                + "|" + String.format(Locale.ROOT, "%02d%02d", d.getDayOfMonth(), d.getMonthValue()) + year
                + ")(?![\\p{N}])";
    }
}
