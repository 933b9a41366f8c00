package org.tandem.members;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MemberRepository {

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Member> findById(String id) {
        return jdbc.sql("select * from member where id = ?")
                .param(id)
                .query(Member.class)
                .optional();
    }

    public List<Member> search(String text, int limit) {
        String pattern = "%"
                + text.toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                        select * from member
                        where lower(first_name || ' ' || last_name) like :p or lower(id) like :p or lower(city) like :p
                        order by last_name, first_name limit :limit""")
                .param("p", pattern)
                .param("limit", limit)
                .query(Member.class)
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
}
