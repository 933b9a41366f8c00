package org.tandem.knowledge.upload;

/** An uploaded file Tandem cannot turn into a document; the message says why, in French, for the person. */
public class UnreadableFile extends RuntimeException {

    public UnreadableFile(String reason) {
        super(reason);
    }

    public UnreadableFile(String reason, Throwable cause) {
        super(reason, cause);
    }
}
