package org.tandem.platform.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The errors that never reach a controller (refused by the firewall, body too large for the server,
 * a failure inside a filter) still answer with a French message, never a stack trace.
 */
@Component
class FrenchErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object status = attributes.get("status");
        attributes.put("message", message(status instanceof Integer code ? code : 500));
        return attributes;
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "La demande n'est pas valide : vérifiez l'adresse et le contenu envoyé.";
            case 401 -> "Vous devez vous connecter.";
            case 403 -> "Vous n'avez pas accès à cette ressource.";
            case 404 -> "Cette adresse n'existe pas.";
            case 405 -> "Cette opération n'est pas permise sur cette adresse.";
            case 413 -> "La demande est trop volumineuse.";
            case 414, 431 -> "L'adresse ou les en-têtes de la demande sont trop longs.";
            case 415 -> "Le contenu doit être envoyé en JSON.";
            case 429 -> "Trop de demandes : réessayez dans un instant.";
            default ->
                status >= 500
                        ? "Une erreur inattendue est survenue ; rien n'a été perdu. Réessayez dans un instant."
                        : "La demande n'a pas pu être traitée.";
        };
    }
}
