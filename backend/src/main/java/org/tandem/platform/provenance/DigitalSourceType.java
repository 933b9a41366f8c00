package org.tandem.platform.provenance;

/**
 * The IPTC « Digital Source Type » of a text (http://cv.iptc.org/newscodes/digitalsourcetype/), the
 * vocabulary C2PA's {@code c2pa.created} action and the IPTC photo metadata use. Decided from the
 * measured share of the text that a generative model wrote, never declared.
 */
public enum DigitalSourceType {
    /** Every word of the text is a model's (an unattended chatbot answer, a draft approved unchanged). */
    TRAINED_ALGORITHMIC_MEDIA("trainedAlgorithmicMedia"),
    /** Part model, part person: a model's draft that people edited. */
    COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA("compositeWithTrainedAlgorithmicMedia"),
    /** No word from a model: written by a person with ordinary tools (by hand, or from a fixed template). */
    DIGITAL_CREATION("digitalCreation");

    public static final String VOCABULARY = "http://cv.iptc.org/newscodes/digitalsourcetype/";

    private final String code;

    DigitalSourceType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String uri() {
        return VOCABULARY + code;
    }

    /** @param modelShare the share of the final text that a generative model wrote, in [0, 1] */
    public static DigitalSourceType of(double modelShare) {
        if (modelShare <= 0) {
            return DIGITAL_CREATION;
        }
        return modelShare >= 1 ? TRAINED_ALGORITHMIC_MEDIA : COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA;
    }

    public static DigitalSourceType fromUri(String uri) {
        for (DigitalSourceType t : values()) {
            if (t.uri().equals(uri)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown digital source type " + uri);
    }
}
