package org.tandem.content.delivery;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tandem.delivery.*}: how contents leave the building (the transport itself: platform.mail's MailSettings). The SMTP server itself is Spring Boot's
 * {@code spring.mail.*} (host, port, username, password, properties such as STARTTLS and time-outs).
 *
 * @param from             the sender of every message, e.g. {@code Mutuelle Exemple <ne-pas-repondre@…>}
 * @param mailRoom         the mail room's address: letters for a member without an e-mail address go there,
 *                         to be printed and posted; unset: such a letter waits « à envoyer » with an incident
 * @param retryCycle       the engine's retries of a failed sending before it shows an incident (ISO-8601
 *                         intervals, comma-separated, one per retry)
 * @param recoveryInterval how often a node checks whether the mail server answers again and, if so, re-arms
 *                         the failed deliveries (their incidents are resolved and they are sent)
 * @param letterhead       the letters' letterhead
 */
@ConfigurationProperties("tandem.delivery")
public record DeliverySettings(
        String from, String mailRoom, String retryCycle, Duration recoveryInterval, Letterhead letterhead) {

    /**
     * The letterhead of the letters ({@code tandem.delivery.letterhead.*}).
     *
     * @param name     the insurer's name at the top of the first page (default: the provenance issuer)
     * @param lines    the lines under it: address, telephone, website
     * @param legal    the legal mention printed at the foot of every page (registration, regulator…)
     * @param template a PDF whose first page is drawn under every page of the letter (the communication
     *                 team's letterhead, logo included); with it, {@code name} and {@code lines} are not printed
     */
    public record Letterhead(String name, java.util.List<String> lines, String legal, Path template) {
        public Letterhead {
            lines = lines == null ? java.util.List.of() : java.util.List.copyOf(lines);
            name = name == null || name.isBlank() ? null : name.strip();
            legal = legal == null || legal.isBlank() ? null : legal.strip();
            template = template == null || template.toString().isBlank() ? null : template;
        }
    }

    public DeliverySettings {
        from = from == null || from.isBlank() ? "Tandem <ne-pas-repondre@tandem.invalid>" : from.strip();
        mailRoom = mailRoom == null || mailRoom.isBlank() ? null : mailRoom.strip();
        retryCycle = retryCycle == null || retryCycle.isBlank() ? "PT10S,PT1M,PT5M" : retryCycle.strip();
        recoveryInterval = recoveryInterval == null ? Duration.ofMinutes(1) : recoveryInterval;
        letterhead = letterhead == null ? new Letterhead(null, null, null, null) : letterhead;
    }
}
