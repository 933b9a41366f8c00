package org.tandem.content.delivery;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.tandem.content.ContentCase;
import org.tandem.content.Disclosure;
import org.tandem.members.Member;
import org.tandem.platform.mail.MailTransport;
import org.tandem.platform.provenance.Provenance;

/**
 * The message a delivery sends, the same at every attempt: its Message-ID fixed when the delivery was
 * opened, the letter's PDF as rendered then. Every message carries the signed record (attachment
 * {@value LetterPdf#RECORD_FILE}) and, in headers, the label's category and the IPTC digital source type.
 */
@Component
class DeliveryMessages {

    /** What separates an e-mail's content from its footer (RFC 3676's signature separator). */
    static final String FOOTER_SEPARATOR = "\n-- \n";

    /** The file types of attachments, read once: Spring's helper reads its mime.types file for each message. */
    private static final FileTypeMap FILE_TYPES = fileTypes();

    private final DeliverySettings settings;
    private final Provenance provenance;
    private final Deliveries deliveries;

    DeliveryMessages(DeliverySettings settings, Provenance provenance, Deliveries deliveries) {
        this.settings = settings;
        this.provenance = provenance;
        this.deliveries = deliveries;
    }

    private static FileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
        types.afterPropertiesSet();
        return types;
    }

    MimeMessage build(
            MailTransport transport, Delivery d, Disclosure disclosure, ContentCase c, Optional<Member> member)
            throws MessagingException {
        MimeMessage message = new MailTransport.FixedIdMessage(transport.session(), d.messageId());
        MimeMessageHelper mail = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name()) {
            @Override
            protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                return FILE_TYPES;
            }
        };
        mail.setFrom(settings.from());
        boolean toMember = d.recipientKind() == Delivery.RecipientKind.MEMBER;
        if (toMember) {
            Member m = member.orElseThrow();
            try {
                mail.setTo(new InternetAddress(m.email(), m.displayName(), "UTF-8"));
            } catch (UnsupportedEncodingException e) {
                throw new MessagingException("Adresse du sociétaire illisible", e);
            }
        } else if (settings.mailRoom() != null) {
            mail.setTo(settings.mailRoom());
        } else {
            throw new MessagingException("Le sociétaire n'a pas d'adresse e-mail et aucune adresse du service "
                    + "courrier n'est configurée (tandem.delivery.mail-room) : rien ne peut partir.");
        }
        String title = deliveries.title(c);
        Channel channel = d.channelValue();
        String footer = FOOTER_SEPARATOR + provenance.issuer() + "\n"
                + "Ce message porte un relevé de provenance signé (pièce jointe " + LetterPdf.RECORD_FILE
                + ") : il dit d'où vient ce texte et la part qu'y a prise l'IA. Pour le vérifier, "
                + (channel == Channel.COURRIER ? "déposez le PDF" : "collez le texte ci-dessus")
                + " sur " + provenance.verifyUrl() + ".";
        if (channel == Channel.COURRIER) {
            mail.setSubject(toMember ? "Votre courrier : " + c.subject() : "Courrier à imprimer et poster : " + title);
            String body = toMember
                    ? "Bonjour,\n\nVous trouverez ci-joint notre courrier en réponse à votre demande « " + c.subject()
                            + " ».\n" + labelLine(disclosure)
                    : "Courrier pour " + String.join(", ", Deliveries.address(member, c))
                            + " (sans adresse e-mail) : imprimez le PDF joint et postez-le tel quel.\n";
            mail.setText(body + footer);
            mail.addAttachment("courrier-" + c.id() + ".pdf", new ByteArrayResource(d.document()), "application/pdf");
        } else {
            mail.setSubject(toMember ? title : "À imprimer et poster : " + title);
            String intro = toMember
                    ? ""
                    : "Pour " + String.join(", ", Deliveries.address(member, c))
                            + " (sans adresse e-mail) : imprimez ce message et postez-le.\n\n";
            mail.setText(intro + disclosure.disclosedText() + "\n" + footer);
        }
        mail.addAttachment(
                LetterPdf.RECORD_FILE,
                new ByteArrayResource(disclosure.provenance().getBytes(StandardCharsets.US_ASCII)),
                "application/jose");
        // the signed record itself, folded over lines (white space is not part of a JWS: verifiers drop it)
        message.setHeader("X-Tandem-Provenance", folded(disclosure.provenance()));
        message.setHeader("X-Tandem-Disclosure-Category", disclosure.category());
        message.setHeader("X-Tandem-Digital-Source-Type", disclosure.digitalSourceType());
        message.setHeader("X-Tandem-Content-SHA256", disclosure.contentSha256());
        return message;
    }

    /** A long header value cut into 76-character pieces on folded lines (RFC 5322 § 2.2.3). */
    static String folded(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i += 76) {
            if (i > 0) {
                out.append("\r\n ");
            }
            out.append(value, i, Math.min(value.length(), i + 76));
        }
        return out.toString();
    }

    private static String labelLine(Disclosure d) {
        return d.label() == null ? "" : "\n" + d.label() + "\n";
    }
}
