package org.tandem.platform.privacy;

import java.math.BigInteger;

/**
 * The check digits of French and international identifiers. A number whose check fails is left in
 * the text: amounts, order numbers and references look like identifiers often enough that
 * replacing every long number would destroy what the model needs to answer.
 */
public final class Checksums {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Checksums() {}

    /** Luhn (mod 10), as used by SIREN and SIRET. */
    public static boolean luhn(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** A SIREN: 9 digits passing Luhn. */
    public static boolean siren(String digits) {
        return digits.length() == 9 && luhn(digits);
    }

    /**
     * A SIRET: 14 digits passing Luhn, except La Poste's establishments (SIREN 356000000), numbered
     * past what Luhn allows, whose digits sum to a multiple of 5 instead (INSEE's documented exception).
     */
    public static boolean siret(String digits) {
        if (digits.length() != 14 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        if (digits.startsWith("356000000") && !digits.equals("35600000000048")) {
            return digits.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return luhn(digits);
    }

    /**
     * A NIR (French social security number): 13 characters and a 2-digit key equal to
     * 97 − (number mod 97). Corsica's departments 2A and 2B count as 19 and 18 in the number.
     */
    public static boolean nir(String compact) {
        if (compact.length() != 15) {
            return false;
        }
        String s = compact.toUpperCase();
        String dept = s.substring(5, 7);
        String body = switch (dept) {
            case "2A" -> s.substring(0, 5) + "19" + s.substring(7, 13);
            case "2B" -> s.substring(0, 5) + "18" + s.substring(7, 13);
            default -> s.substring(0, 13);
        };
        String key = s.substring(13);
        if (!body.chars().allMatch(Character::isDigit) || !key.chars().allMatch(Character::isDigit)) {
            return false;
        }
        long number = Long.parseLong(body);
        return 97 - (number % 97) == Integer.parseInt(key);
    }

    /** An IBAN (ISO 13616): the first four characters moved to the end, letters as 10–35, mod 97 equals 1. */
    public static boolean iban(String compact) {
        String s = compact.toUpperCase();
        if (s.length() < 15 || s.length() > 34 || !s.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")) {
            return false;
        }
        String rearranged = s.substring(4) + s.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
