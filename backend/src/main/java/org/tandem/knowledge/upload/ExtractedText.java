package org.tandem.knowledge.upload;

/**
 * The text read from an uploaded file, as Markdown the passage splitter cuts: the document's title
 * as {@code #}, its sections as {@code ##}, {@code ###}…
 *
 * @param pages the PDF's number of pages; null for a DOCX (Word lays pages out itself)
 * @param title the title the file gives itself (its properties, else its title line); null when none
 */
public record ExtractedText(Format format, Integer pages, String title, String markdown) {

    public enum Format {
        PDF,
        DOCX
    }
}
