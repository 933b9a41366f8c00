package org.tandem.notifications;

import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A person's choices ({@code notification_settings}) and their e-mail address (their account's). */
@Repository
class NotificationSettingsRepository {

    /** Which kinds the person sees in Tandem, and whether they get the daily digest. */
    record Settings(Set<NotificationKind> kinds, boolean dailyDigest) {
        static final Settings DEFAULT = new Settings(EnumSet.allOf(NotificationKind.class), false);
    }

    /** A person who asked for the digest, with their address. */
    record Subscriber(String username, String email, String displayName) {}

    private final JdbcClient jdbc;

    NotificationSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Settings of(String username) {
        return jdbc.sql("select in_app_kinds, daily_digest from notification_settings where username = ?")
                .param(username)
                .query((rs, n) -> new Settings(kinds(rs.getArray(1)), rs.getBoolean(2)))
                .optional()
                .orElse(Settings.DEFAULT);
    }

    void save(String username, Settings settings, OffsetDateTime at) {
        jdbc.sql("""
                        insert into notification_settings (username, in_app_kinds, daily_digest, updated_at)
                        values (:me, cast(:kinds as text[]), :digest, :at)
                        on conflict (username) do update
                        set in_app_kinds = excluded.in_app_kinds, daily_digest = excluded.daily_digest,
                            updated_at = excluded.updated_at""")
                .param("me", username)
                .param(
                        "kinds",
                        NotificationRepository.literal(settings.kinds().stream()
                                .map(Enum::name)
                                .sorted()
                                .toList()))
                .param("digest", settings.dailyDigest())
                .param("at", at)
                .update();
    }

    /** The address of the person's account (Camunda's identity service); none with single sign-on. */
    Optional<String> email(String username) {
        return jdbc.sql("select email_ from act_id_user where id_ = ? and email_ is not null and email_ <> ''")
                .param(username)
                .query(String.class)
                .optional();
    }

    /** Who asked for the digest, has an address, and has not had today's. */
    List<Subscriber> subscribers(java.time.LocalDate day) {
        return jdbc.sql("""
                        select s.username, u.email_, trim(coalesce(u.first_, '') || ' ' || coalesce(u.last_, ''))
                        from notification_settings s join act_id_user u on u.id_ = s.username
                        where s.daily_digest and u.email_ is not null and u.email_ <> ''
                          and not exists (select 1 from notification_digest d
                                          where d.recipient = s.username and d.day = :day)
                        order by s.username""")
                .param("day", day)
                .query((rs, n) -> new Subscriber(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private static Set<NotificationKind> kinds(Array array) throws SQLException {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        List<String> names = new ArrayList<>(List.of((String[]) array.getArray()));
        names.forEach(name -> NotificationKind.of(name).ifPresent(kinds::add));
        return kinds;
    }
}
