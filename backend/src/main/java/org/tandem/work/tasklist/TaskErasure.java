package org.tandem.work.tasklist;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.platform.erasure.ErasureContributor;

/**
 * The task list's part of an erasure (issue 16): the member's name, number and the case's subject
 * copied into the read model ({@code inbox_task}), and the comments people wrote on the case's tasks
 * (kept by the engine). The tasks themselves stay: who worked on what, and when.
 */
@Component
class TaskErasure implements ErasureContributor {

    private final JdbcClient jdbc;

    TaskErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "task list";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public int eraseCases(Set<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return 0;
        }
        Long[] ids = caseIds.toArray(Long[]::new);
        List<String> instances = jdbc.sql("""
                        select distinct process_instance_id from inbox_task
                        where case_id = any(?) and process_instance_id is not null""").param(ids).query(String.class).list();
        int changed = jdbc.sql("""
                        update inbox_task set member_id = null, member_name = null, subject = null
                        where case_id = any(?) and (member_id is not null or member_name is not null or subject is not null)""").param(ids).update();
        if (!instances.isEmpty()) {
            // the engine's comments of processes that have ended: TaskService refuses to delete them once
            // the process is gone, so the rows go the way the engine's own deletion would take them
            changed += jdbc.sql("delete from act_hi_comment where proc_inst_id_ = any(?)")
                    .param(instances.toArray(String[]::new))
                    .update();
        }
        return changed;
    }

    @Override
    public boolean knowsMember(String memberId) {
        return jdbc.sql("select exists (select 1 from inbox_task where member_id = ?)")
                .param(memberId)
                .query(Boolean.class)
                .single();
    }
}
