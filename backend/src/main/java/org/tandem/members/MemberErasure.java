package org.tandem.members;

import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.platform.erasure.ErasureContributor;

/**
 * The member's own record in Tandem, erased on the member's request (issue 16) once the cases no
 * longer point at it. Tandem's {@code member} table is a working copy: the insurer's member directory
 * keeps the member and their contracts for as long as the law requires.
 */
@Component
class MemberErasure implements ErasureContributor {

    private final JdbcClient jdbc;

    MemberErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "members";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public int eraseCases(Set<Long> caseIds) {
        return 0;
    }

    @Override
    public boolean knowsMember(String memberId) {
        return jdbc.sql("select exists (select 1 from member where id = ?)")
                .param(memberId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public int eraseMember(String memberId) {
        return jdbc.sql("delete from member where id = ?").param(memberId).update();
    }
}
