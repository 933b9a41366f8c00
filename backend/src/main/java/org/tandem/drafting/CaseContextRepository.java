package org.tandem.drafting;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CaseContextRepository {

    record CaseContext(long caseId, String promptVersion, String systemPrompt, String userPrompt) {
    }

    /** The next AI step gets the expert's instruction and the draft it is about. */
    void regenerate(long caseId, String userPrompt, String instruction, long previousDraftId) {
        jdbc.sql("update case_context set user_prompt = ?, instruction = ?, previous_draft_id = ? where case_id = ?")
                .params(userPrompt, instruction, previousDraftId, caseId).update();
    }

    private final JdbcClient jdbc;

    CaseContextRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(CaseContext c) {
        jdbc.sql("""
                        insert into case_context (case_id, prompt_version, system_prompt, user_prompt) values (?, ?, ?, ?)
                        on conflict (case_id) do nothing""")
                .params(c.caseId(), c.promptVersion(), c.systemPrompt(), c.userPrompt()).update();
    }

    Optional<CaseContext> find(long caseId) {
        return jdbc.sql("select case_id, prompt_version, system_prompt, user_prompt from case_context where case_id = ?")
                .param(caseId).query(CaseContext.class).optional();
    }
}
