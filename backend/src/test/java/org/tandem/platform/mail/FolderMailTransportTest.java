package org.tandem.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages written into a folder: made when missing, each whole under its Message-ID, never twice. */
class FolderMailTransportTest {

    @TempDir
    Path temp;

    private static MimeMessage letter(MailTransport transport, String id, String text) throws MessagingException {
        MimeMessage message = new MailTransport.FixedIdMessage(transport.session(), "<" + id + "@tandem>");
        message.setFrom(new InternetAddress("tandem@mutuelle.example"));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "adherent@example.org");
        message.setSubject("Votre réponse");
        message.setText(text, "UTF-8");
        return message;
    }

    @Test
    void writesEachMessageWholeIntoTheFolderItMakesOnce() throws Exception {
        Path folder = temp.resolve("sortie/lettres");
        FolderMailTransport transport = new FolderMailTransport(folder);
        AtomicInteger accepted = new AtomicInteger();

        transport.send(letter(transport, "lettre-1", "Madame, Monsieur"), accepted::incrementAndGet);
        transport.send(letter(transport, "lettre-2", "Cher adhérent"), accepted::incrementAndGet);
        // the same message again (a retry after a crash): found there, not written again, still accepted
        transport.send(letter(transport, "lettre-1", "autre texte"), accepted::incrementAndGet);

        assertThat(accepted).hasValue(3);
        assertThat(names(folder)).containsExactlyInAnyOrder("lettre-1@tandem.eml", "lettre-2@tandem.eml");
        assertThat(Files.readString(folder.resolve("lettre-1@tandem.eml")))
                .contains("Message-ID: <lettre-1@tandem>")
                .contains("Madame, Monsieur")
                .doesNotContain("autre texte");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
