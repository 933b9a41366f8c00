package org.tandem.platform.provenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The form of a text that its record binds (canonicalisation {@value #CANONICALIZATION}): Unicode NFC,
 * every run of white space (line breaks, tabs, no-break spaces of French typography) as one space,
 * no space at either end. A text copied out of an e-mail or a web page, whose line breaks and spaces
 * the reader's software may change, still has the same hash; any change of a word, a figure or a
 * punctuation mark does not.
 */
public final class ContentHash {

    public static final String CANONICALIZATION = "tandem-text-v1";

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+");

    private ContentHash() {}

    public static String canonical(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACES.matcher(nfc).replaceAll(" ").strip();
    }

    /** SHA-256 of the canonical text, in lower-case hexadecimal. */
    public static String of(String text) {
        return sha256(canonical(text).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
