package org.tandem.content.drafting;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.content.DraftSource;
import org.tandem.platform.guardrails.GuardrailReport;

@Repository
public class CaseContextRepository {

    /**
     * What the AI step of a case is given.
     *
     * @param passages       the knowledge passages, a snapshot taken when the context was assembled
     * @param injectionFlags what the injection detector found in the request and the passages (informative)
     */
    public record CaseContext(
            long caseId,
            String promptVersion,
            String systemPrompt,
            String userPrompt,
            List<DraftSource> passages,
            List<GuardrailReport.Finding> injectionFlags) {

        public CaseContext {
            passages = passages == null ? List.of() : List.copyOf(passages);
            injectionFlags = injectionFlags == null ? List.of() : List.copyOf(injectionFlags);
        }
    }

    private static final TypeReference<List<DraftSource>> SOURCES = new TypeReference<>() {};
    private static final TypeReference<List<GuardrailReport.Finding>> FINDINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonColumns json;

    CaseContextRepository(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The next AI step gets the expert's instruction and the draft it is about. */
    public void regenerate(long caseId, String userPrompt, String instruction, long previousDraftId) {
        jdbc.sql("update case_context set user_prompt = ?, instruction = ?, previous_draft_id = ? where case_id = ?")
                .params(userPrompt, instruction, previousDraftId, caseId)
                .update();
    }

    public void save(CaseContext c) {
        jdbc.sql("""
                        insert into case_context (case_id, prompt_version, system_prompt, user_prompt, passages,
                                                  injection_flags)
                        values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                        on conflict (case_id) do nothing""")
                .params(
                        c.caseId(),
                        c.promptVersion(),
                        c.systemPrompt(),
                        c.userPrompt(),
                        json.write(c.passages()),
                        json.write(c.injectionFlags()))
                .update();
    }

    public Optional<CaseContext> find(long caseId) {
        return jdbc.sql("""
                        select case_id, prompt_version, system_prompt, user_prompt, passages, injection_flags
                        from case_context where case_id = ?""")
                .param(caseId)
                .query((rs, n) -> new CaseContext(
                        rs.getLong("case_id"),
                        rs.getString("prompt_version"),
                        rs.getString("system_prompt"),
                        rs.getString("user_prompt"),
                        json.read(rs.getString("passages"), SOURCES),
                        json.read(rs.getString("injection_flags"), FINDINGS)))
                .optional();
    }
}
