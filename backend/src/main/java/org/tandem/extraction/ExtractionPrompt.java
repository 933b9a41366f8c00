package org.tandem.extraction;

import java.util.stream.Collectors;
import org.tandem.platform.usecase.UseCase;

/**
 * The user message of an extraction: the schema to follow and the document fenced as data, in the
 * same frame as {@link org.tandem.content.drafting.DraftPrompt} so the offline drafter reads it back.
 */
public final class ExtractionPrompt {

    private ExtractionPrompt() {}

    public static String render(UseCase useCase, String subject, String document) {
        String schema = useCase.outputSchema().stream()
                .map(f -> "  \"" + f.name() + "\": " + typeHint(f) + "  // " + f.label()
                        + (f.isOptional() ? " (facultatif)" : ""))
                .collect(Collectors.joining(",\n", "{\n", "\n}"));
        return "Cas d'usage : " + useCase.key() + "\n"
                + "Objet : " + subject.replaceAll("\\s+", " ").trim() + "\n"
                + "Relève les champs du document ci-dessous. Réponds uniquement par un objet JSON strict de la forme "
                + "suivante (null quand l'information est absente du document) :\n"
                + schema + "\n"
                + "<message_societaire>\n" + fence(document) + "\n</message_societaire>\n";
    }

    private static String typeHint(UseCase.FieldSpec f) {
        return switch (f.type()) {
            case string -> "\"texte\" | null";
            case date -> "\"JJ/MM/AAAA\" | null";
            case number -> "nombre décimal | null";
            case integer -> "nombre entier | null";
        };
    }

    /** A document cannot close the fence to smuggle instructions outside it. */
    private static String fence(String s) {
        return s.replace("</message_societaire>", "</message_societaire_>")
                .replace("<message_societaire>", "<message_societaire_>");
    }
}
