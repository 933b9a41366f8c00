package org.tandem.support;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Open user tasks written by bulk SQL into Camunda's own tables (ACT_RU_EXECUTION, ACT_RU_VARIABLE,
 * ACT_RU_TASK, ACT_RU_IDENTITYLINK) and into the task list's read model, as the engine and its
 * listeners would have: for the benchmark and the browser test's 1,000-task list. Every id starts
 * with the prefix, so {@link #remove} takes them all away.
 *
 * Task i (1..count): candidate group groups[i % groups], use case useCases[(i / groups) % useCases],
 * created i seconds ago, one block of groups × use cases in claimedEvery claimed by someone else (0: none),
 * one in four with a due date.
 */
public final class SeededTasks {

    private SeededTasks() {}

    public static void seed(
            JdbcTemplate jdbc, String prefix, int count, List<String> groups, List<String> useCases, int claimedEvery) {
        String definition = jdbc.queryForObject("""
                select id_ from act_re_procdef where key_ = 'content' order by version_ desc limit 1""", String.class);
        String groupArray = "(array['" + String.join("','", groups) + "'])";
        String useCaseArray = "(array['" + String.join("','", useCases) + "'])";
        String sql = """
                    with s as (select i, 'PFXpi-' || i as pi, 'PFXt-' || i as task,
                                      GROUPS[i % NG + 1] as grp, USECASES[(i / NG) % NU + 1] as use_case,
                                      case when CLAIMED > 0 and (i / (NG * NU)) % CLAIMED = 1
                                           then 'PFXother-' || (i % 7) end as assignee,
                                      localtimestamp - make_interval(secs => i) as created,
                                      now() - make_interval(secs => i) as created_tz,
                                      case when i % 4 = 0 then make_interval(days => i % 30 - 10) end as due_in
                               from generate_series(1, COUNT) as i)
                """.replace("PFX", prefix)
                .replace("GROUPS", groupArray)
                .replace("USECASES", useCaseArray)
                .replace("NG", String.valueOf(groups.size()))
                .replace("NU", String.valueOf(useCases.size()))
                .replace("CLAIMED", String.valueOf(claimedEvery))
                .replace("COUNT", String.valueOf(count));
        jdbc.update(sql + """
                insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, proc_def_id_,
                    act_id_, is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_, cached_ent_state_,
                    sequence_counter_, proc_def_key_)
                select pi, 1, pi, pi, pi, ?, 'review', true, false, true, false, 1, 0, 1, 'content' from s""", definition);
        jdbc.update(sql + """
                insert into act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, proc_def_id_, text_,
                    var_scope_, sequence_counter_, is_concurrent_local_)
                select pi || '-v', 1, 'string', 'useCaseKey', pi, pi, ?, use_case, pi, 1, false from s""", definition);
        jdbc.update(sql + """
                insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_,
                    assignee_, priority_, create_time_, last_updated_, due_date_, suspension_state_, task_state_)
                select task, 1, pi, pi, ?, 'Relire le brouillon de l''IA', 'review', assignee, 25 * (1 + i % 3),
                    created, created, localtimestamp + due_in, 1, 'Created' from s""", definition);
        jdbc.update(sql + """
                insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)
                select task || '-l', 1, grp, 'candidate', task from s""");
        jdbc.update(sql + """
                insert into inbox_task (task_id, process_instance_id, process_key, task_key, name, use_case_key,
                    member_id, member_name, subject, candidate_groups, assignee, created_at, due_at, priority, status)
                select task, pi, 'content', 'review', 'Relire le brouillon de l''IA', use_case,
                    'M-' || (i % 5000), 'Sociétaire ' || (i % 5000), 'Demande n° ' || i, array[grp], assignee,
                    created_tz, now() + due_in,
                    25 * (1 + i % 3), 'OPEN' from s""");
    }

    public static void remove(JdbcTemplate jdbc, String prefix) {
        String like = prefix.replace("_", "\\_").replace("%", "\\%") + "%";
        jdbc.update("delete from act_ru_identitylink where id_ like ?", like);
        jdbc.update("delete from act_ru_task where id_ like ?", like);
        jdbc.update("delete from act_ru_variable where id_ like ?", like);
        jdbc.update("delete from act_ru_execution where id_ like ?", like);
        jdbc.update("delete from act_hi_taskinst where id_ like ?", like);
        jdbc.update("delete from inbox_task where task_id like ?", like);
    }
}
