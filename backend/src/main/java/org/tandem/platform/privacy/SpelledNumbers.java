package org.tandem.platform.privacy;

import java.util.Map;

/**
 * French numbers written in words, as dates of birth are in civil records and formal letters:
 * « douze », « trente et un », « mil neuf cent quatre-vingt-quatre », « deux mille cinq ».
 */
final class SpelledNumbers {

    /** One number word, for building patterns. */
    static final String WORD = "(?:un|une|premier|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize"
            + "|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mil|mille)";

    /** A number of one or more words, joined by spaces, hyphens or « et ». */
    static final String NUMBER = WORD + "(?:(?:[\\s\\-]+et)?[\\s\\-]+" + WORD + ")*";

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("un", 1),
            Map.entry("une", 1),
            Map.entry("premier", 1),
            Map.entry("deux", 2),
            Map.entry("trois", 3),
            Map.entry("quatre", 4),
            Map.entry("cinq", 5),
            Map.entry("six", 6),
            Map.entry("sept", 7),
            Map.entry("huit", 8),
            Map.entry("neuf", 9),
            Map.entry("dix", 10),
            Map.entry("onze", 11),
            Map.entry("douze", 12),
            Map.entry("treize", 13),
            Map.entry("quatorze", 14),
            Map.entry("quinze", 15),
            Map.entry("seize", 16),
            Map.entry("vingt", 20),
            Map.entry("vingts", 20),
            Map.entry("trente", 30),
            Map.entry("quarante", 40),
            Map.entry("cinquante", 50),
            Map.entry("soixante", 60));

    private SpelledNumbers() {}

    /** The value of a number in words, or -1 when a word is not one. */
    static int parse(String words) {
        int total = 0;
        int current = 0;
        for (String w : Texts.fold(words).split("[\\s\\-]+")) {
            if (w.isEmpty() || w.equals("et")) {
                continue;
            }
            switch (w) {
                case "cent", "cents" -> current = (current == 0 ? 1 : current) * 100;
                case "mil", "mille" -> {
                    total += (current == 0 ? 1 : current) * 1000;
                    current = 0;
                }
                default -> {
                    Integer unit = UNITS.get(w);
                    if (unit == null) {
                        return -1;
                    }
                    // quatre-vingt(s): four twenties
                    if (unit == 20 && current % 100 == 4) {
                        current = current - 4 + 80;
                    } else {
                        current += unit;
                    }
                }
            }
        }
        return total + current;
    }
}
