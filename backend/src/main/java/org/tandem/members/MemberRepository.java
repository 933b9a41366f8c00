package org.tandem.members;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;

/**
 * Tandem's {@code member} table: the directory itself with the database directory, the copies cases
 * keep with the HTTP one (see {@link MemberSnapshots}).
 */
@Repository
public class MemberRepository {

    /** How a row got here. */
    public enum Origin {
        /** inserted by code (the demo, tests) */
        SEEDED,
        /** imported from a CSV file by an administrator */
        CSV,
        /** copied from the member system when a case was opened */
        HTTP;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String UPSERT = """
            insert into member (id, first_name, last_name, birth_date, email, phone, address, city, policy_number,
                                origin, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            on conflict (id) do update set first_name = excluded.first_name, last_name = excluded.last_name,
                birth_date = excluded.birth_date, email = excluded.email, phone = excluded.phone,
                address = excluded.address, city = excluded.city, policy_number = excluded.policy_number,
                origin = excluded.origin, updated_at = excluded.updated_at""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    MemberRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    public Optional<Member> findById(String id) {
        return jdbc.sql("select * from member where id = ?")
                .param(id)
                .query(Rows.of(Member.class))
                .optional();
    }

    /** The members of these numbers that the table holds, in one query (a list of cases names its members). */
    public List<Member> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from member where id = any(?)")
                .param(ids.toArray(String[]::new))
                .query(Rows.of(Member.class))
                .list();
    }

    public List<Member> search(String text, int limit) {
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                        select * from member
                        where lower(first_name || ' ' || last_name) like :p or lower(id) like :p or lower(city) like :p
                        order by last_name, first_name limit :limit""")
                .param("p", pattern)
                .param("limit", limit)
                .query(Rows.of(Member.class))
                .list();
    }

    public void insertIfAbsent(Member m) {
        jdbc.sql("""
                        insert into member (id, first_name, last_name, birth_date, email, phone, address, city, policy_number)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
                .params(
                        m.id(),
                        m.firstName(),
                        m.lastName(),
                        m.birthDate(),
                        m.email(),
                        m.phone(),
                        m.address(),
                        m.city(),
                        m.policyNumber())
                .update();
    }

    /** Inserts the member or replaces what the row says of them. */
    public void upsert(Member m, Origin origin) {
        upsertAll(List.of(m), origin);
    }

    /** Inserts or replaces every member, in the caller's transaction. */
    public void upsertAll(List<Member> members, Origin origin) {
        jdbcTemplate.batchUpdate(UPSERT, members, 500, (ps, m) -> {
            ps.setString(1, m.id());
            ps.setString(2, m.firstName());
            ps.setString(3, m.lastName());
            ps.setObject(4, m.birthDate());
            ps.setString(5, m.email());
            ps.setString(6, m.phone());
            ps.setString(7, m.address());
            ps.setString(8, m.city());
            ps.setString(9, m.policyNumber());
            ps.setString(10, origin.column());
        });
    }

    /** Which of these member numbers the table holds already. */
    public Set<String> existing(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select id from member where id = any(?)")
                .param(ids.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    public long count() {
        return jdbc.sql("select count(*) from member").query(Long.class).single();
    }
}
