package org.tandem.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The transport chosen for each setting, and a first start without a mail server that starts all the same. */
class MailTransportConfigurationTest {

    private static MailSettings settings(MailSettings.Transport transport) {
        return new MailSettings(transport, null, null);
    }

    @Test
    void smtpWithoutAMailServerStartsAndEverySendingFailsWithAFrenchReason() throws Exception {
        MailTransport transport = new MailTransportConfiguration()
                .mailTransport(
                        settings(MailSettings.Transport.SMTP),
                        new StaticListableBeanFactory().getBeanProvider(JavaMailSenderImpl.class));

        assertThat(transport).isInstanceOf(UnconfiguredMailTransport.class);
        assertThat(transport.describe()).contains("non configuré");
        MailTransport.FixedIdMessage message = new MailTransport.FixedIdMessage(transport.session(), "<x@tandem>");
        message.setText("Madame, Monsieur");
        assertThatThrownBy(() -> transport.send(message))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("Aucun serveur de messagerie")
                .hasMessageContaining("SPRING_MAIL_HOST");
        assertThatThrownBy(transport::probe).isInstanceOf(MessagingException.class);
    }

    @Test
    void smtpWithAMailServerSendsThroughIt() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("mail.example.invalid");
        beans.addBean("mailSender", sender);

        MailTransport transport = new MailTransportConfiguration()
                .mailTransport(settings(MailSettings.Transport.SMTP), beans.getBeanProvider(JavaMailSenderImpl.class));

        assertThat(transport).isInstanceOf(SmtpMailTransport.class);
    }
}
