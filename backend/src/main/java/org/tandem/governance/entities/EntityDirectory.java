package org.tandem.governance.entities;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The business entities and who works in which one. */
@Repository
public class EntityDirectory {

    private final JdbcClient jdbc;

    EntityDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> entityOf(String username) {
        return jdbc.sql("select entity_code from user_entity where username = ?")
                .param(username)
                .query(String.class)
                .optional();
    }

    public List<BusinessEntity> all() {
        return jdbc.sql("select code, name from business_entity order by name")
                .query(BusinessEntity.class)
                .list();
    }

    public Optional<BusinessEntity> find(String code) {
        return jdbc.sql("select code, name from business_entity where code = ?")
                .param(code)
                .query(BusinessEntity.class)
                .optional();
    }

    public String nameOf(String code) {
        return find(code).map(BusinessEntity::name).orElse(code);
    }

    public List<String> usersOf(String entityCode) {
        return jdbc.sql("select username from user_entity where entity_code = ? order by username")
                .param(entityCode)
                .query(String.class)
                .list();
    }

    public void ensureEntity(String code, String name) {
        jdbc.sql("insert into business_entity (code, name) values (?, ?) on conflict (code) do nothing")
                .params(code, name)
                .update();
    }

    public void assign(String username, String entityCode) {
        jdbc.sql("""
                insert into user_entity (username, entity_code) values (?, ?)
                on conflict (username) do update set entity_code = excluded.entity_code""").params(username, entityCode).update();
    }
}
