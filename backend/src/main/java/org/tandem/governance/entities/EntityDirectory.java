package org.tandem.governance.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;

/** The business entities, their hierarchy, and who works in which one: the tables, read and written. */
@Repository
public class EntityDirectory {

    private static final String COLUMNS = "code, name, kind, parent_code";

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

    public Optional<Placement> placementOf(String username) {
        return jdbc.sql(
                        "select username, entity_code, source, placed_by, placed_at from user_entity where username = ?")
                .param(username)
                .query(Rows.of(Placement.class))
                .optional();
    }

    public List<BusinessEntity> all() {
        return jdbc.sql("select " + COLUMNS + " from business_entity order by name, code")
                .query(Rows.of(BusinessEntity.class))
                .list();
    }

    public Optional<BusinessEntity> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from business_entity where code = ?")
                .param(code)
                .query(Rows.of(BusinessEntity.class))
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

    public List<Placement> placementsIn(String entityCode) {
        return jdbc.sql("""
                        select username, entity_code, source, placed_by, placed_at from user_entity
                        where entity_code = ? order by username""").param(entityCode).query(Rows.of(Placement.class)).list();
    }

    /** The entity and every entity below it, the entity first. */
    public Set<String> subtree(String code) {
        Map<String, List<String>> children = new HashMap<>();
        for (BusinessEntity e : all()) {
            if (e.parentCode() != null) {
                children.computeIfAbsent(e.parentCode(), k -> new ArrayList<>()).add(e.code());
            }
        }
        Set<String> found = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(List.of(code));
        while (!queue.isEmpty()) {
            String next = queue.remove(0);
            if (found.add(next)) {
                queue.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return found;
    }

    /** Creates the entity when its code is new; an existing one keeps its name, kind and place. */
    public void ensureEntity(String code, String name) {
        ensureEntity(code, name, EntityKind.AGENCY, null, "system");
    }

    public void ensureEntity(String code, String name, EntityKind kind, String parentCode, String by) {
        jdbc.sql("""
                        insert into business_entity (code, name, kind, parent_code, updated_by) values (?, ?, ?, ?, ?)
                        on conflict (code) do nothing""").params(code, name, kind.name(), parentCode, by).update();
    }

    void insert(BusinessEntity e, String by) {
        jdbc.sql("insert into business_entity (code, name, kind, parent_code, updated_by) values (?, ?, ?, ?, ?)")
                .params(e.code(), e.name(), e.kind().name(), e.parentCode(), by)
                .update();
    }

    void update(BusinessEntity e, String by) {
        jdbc.sql("""
                        update business_entity set name = ?, kind = ?, parent_code = ?, updated_by = ?, updated_at = now()
                        where code = ?""")
                .params(e.name(), e.kind().name(), e.parentCode(), by, e.code())
                .update();
    }

    void delete(String code) {
        jdbc.sql("delete from business_entity where code = ?").param(code).update();
    }

    /** What still points at the entity, in words; empty when it may be deleted. */
    List<String> usesOf(String code) {
        List<String> uses = new ArrayList<>();
        count(uses, "select count(*) from business_entity where parent_code = ?", code, "entité(s) rattachée(s)");
        count(uses, "select count(*) from user_entity where entity_code = ?", code, "personne(s) rattachée(s)");
        count(uses, "select count(*) from content_case where entity_code = ?", code, "dossier(s)");
        count(uses, "select count(*) from use_case_entity where entity_code = ?", code, "ouverture(s) de cas d'usage");
        count(uses, "select count(*) from experiment_entity where entity_code = ?", code, "expérimentation(s)");
        count(uses, "select count(*) from wave_entity where entity_code = ?", code, "vague(s) de déploiement");
        return uses;
    }

    private void count(List<String> uses, String sql, String code, String what) {
        long n = jdbc.sql(sql).param(code).query(Long.class).single();
        if (n > 0) {
            uses.add(n + " " + what);
        }
    }

    /** Places the person (one entity at a time: a new placement moves them), recording who and how. */
    public void assign(String username, String entityCode) {
        assign(username, entityCode, "MANUAL", "system");
    }

    public void assign(String username, String entityCode, String source, String by) {
        jdbc.sql("""
                        insert into user_entity (username, entity_code, source, placed_by) values (?, ?, ?, ?)
                        on conflict (username) do update set entity_code = excluded.entity_code,
                            source = excluded.source, placed_by = excluded.placed_by, placed_at = now()""").params(username, entityCode, source, by).update();
    }

    void unassign(String username) {
        jdbc.sql("delete from user_entity where username = ?").param(username).update();
    }

    /** Every placed person with their entity, for the people search. */
    List<Placement> placements() {
        return jdbc.sql("select username, entity_code, source, placed_by, placed_at from user_entity order by username")
                .query(Rows.of(Placement.class))
                .list();
    }
}
