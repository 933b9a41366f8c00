package org.tandem.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Writes each message as {@code <Message-ID>.eml} into a folder instead of sending it (a laptop, the demo):
 * written to a temporary file then moved, so a message is there whole or not at all, and a second
 * attempt of the same message finds it there and writes nothing.
 */
final class FolderMailTransport implements MailTransport {

    private final Path folder;
    private final Session session = Session.getInstance(new Properties());

    FolderMailTransport(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void send(MimeMessage message, Runnable accepted) throws MessagingException {
        message.saveChanges();
        String id = message.getMessageID().replaceAll("[^A-Za-z0-9._@-]", "");
        Path target = folder.resolve(id + ".eml");
        try {
            // createDirectories throws and catches an exception of its own when the folder exists: not per letter
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
            }
            if (!Files.exists(target)) {
                Path partial = Files.createTempFile(folder, ".sending-", ".tmp");
                // buffered: the MIME encoders write a few bytes at a time, each a system call unbuffered (issue 18)
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                    message.writeTo(out);
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new MessagingException(describe() + " : " + e.getMessage(), e);
        }
        accepted.run();
    }

    @Override
    public void probe() throws MessagingException {
        try {
            Files.createDirectories(folder);
            if (!Files.isWritable(folder)) {
                throw new MessagingException(describe() + " is not writable");
            }
        } catch (IOException e) {
            throw new MessagingException(describe() + " : " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "folder:" + folder;
    }
}
