package org.tandem.knowledge;

/** What the embedding model reads of a passage: the document's title and the heading give its subject. */
final class PassageText {

    private PassageText() {}

    static String forEmbedding(String title, String heading, String text) {
        return title + (heading == null ? "" : " — " + heading) + "\n\n" + text;
    }
}
