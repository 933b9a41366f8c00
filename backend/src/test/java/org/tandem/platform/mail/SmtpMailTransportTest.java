package org.tandem.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The moment a sender learns that the server took its message: after the message's end, before the goodbye. */
class SmtpMailTransportTest {

    private static SmtpMailTransport transport(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return new SmtpMailTransport(sender);
    }

    private static MimeMessage letter(MailTransport transport) throws MessagingException {
        MimeMessage message = new MailTransport.FixedIdMessage(transport.session(), "<lettre-1@tandem>");
        message.setFrom(new InternetAddress("tandem@mutuelle.example"));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "adherent@example.org");
        message.setSubject("Votre réponse");
        message.setText("Madame, Monsieur");
        return message;
    }

    @Test
    void aRealServerHasTheMessageWhenTheAcceptanceRuns() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        try {
            SmtpMailTransport transport = transport(port);
            AtomicInteger seenByTheServer = new AtomicInteger(-1);

            transport.send(letter(transport), () -> seenByTheServer.set(server.getReceivedMessages().length));

            assertThat(seenByTheServer).hasValue(1);
            assertThat(server.getReceivedMessages()).hasSize(1);
            assertThat(server.getReceivedMessages()[0].getMessageID()).isEqualTo("<lettre-1@tandem>");
        } finally {
            server.stop();
        }
    }

    @Test
    void theAcceptanceRunsBeforeTheGoodbye() throws Exception {
        List<String> events = exchange(false);

        assertThat(events).containsSubsequence("end of message", "accepted", "QUIT");
        assertThat(events).noneMatch(e -> e.startsWith("refused"));
    }

    @Test
    void aRefusedMessageThrowsAndIsNeverAccepted() throws Exception {
        List<String> events = exchange(true);

        assertThat(events).doesNotContain("accepted");
        assertThat(events).anyMatch(e -> e.startsWith("refused: smtp://127.0.0.1:"));
    }

    /** One message sent to a scripted server: its steps, the sender's acceptance or refusal among them. */
    private static List<String> exchange(boolean refuse) throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket socket = new ServerSocket(0)) {
            Thread server = new Thread(() -> converse(socket, events, refuse));
            server.start();
            SmtpMailTransport transport = transport(socket.getLocalPort());
            try {
                transport.send(letter(transport), () -> events.add("accepted"));
            } catch (MessagingException e) {
                events.add("refused: " + e.getMessage());
            }
            server.join(10_000);
        }
        return events;
    }

    /** One SMTP conversation, each step noted; {@code refuse} answers the message's end with a permanent error. */
    private static void converse(ServerSocket socket, List<String> events, boolean refuse) {
        try (Socket client = socket.accept();
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = client.getOutputStream()) {
            say(out, "220 essai ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.split(" ")[0].toUpperCase();
                events.add(verb);
                switch (verb) {
                    case "EHLO" -> say(out, "250 essai");
                    case "DATA" -> {
                        say(out, "354 fin par un point");
                        while (!".".equals(in.readLine())) {
                            // the message's lines
                        }
                        events.add("end of message");
                        say(out, refuse ? "554 5.7.1 refusé" : "250 2.0.0 accepté");
                    }
                    case "QUIT" -> {
                        say(out, "221 au revoir");
                        return;
                    }
                    default -> say(out, "250 OK");
                }
            }
        } catch (IOException e) {
            events.add("server error: " + e.getMessage());
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
