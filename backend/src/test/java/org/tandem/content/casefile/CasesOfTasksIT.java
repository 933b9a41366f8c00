package org.tandem.content.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.support.SeededCases;
import org.tandem.support.TandemIntegrationTest;
import org.tandem.work.CaseFacts;

/** A content case as the task list and the task forms get it: its facts, its view without access check, the form values. */
@TandemIntegrationTest
class CasesOfTasksIT {

    @Autowired
    CasesOfTasks casesOfTasks;

    @Autowired
    JdbcClient jdbc;

    final List<Long> cases = new ArrayList<>();

    @AfterEach
    void removeSeededRows() {
        cases.forEach(id -> SeededCases.remove(jdbc, id));
    }

    private long seed(String memberId) {
        long id = SeededCases.insertCase(
                jdbc, "reply-letter", memberId, "alice", "Carte verte perdue", OffsetDateTime.now());
        cases.add(id);
        return id;
    }

    private Map<String, Object> formValues(long caseId) {
        Map<String, Object> data = new HashMap<>();
        casesOfTasks.contribute(null, String.valueOf(caseId), data);
        return data;
    }

    @Test
    void theTaskListShowsTheCasesMemberByNameAndItsSubject() {
        long id = seed("M-1002");
        assertThat(casesOfTasks.facts(id))
                .contains(new CaseFacts(id, "reply-letter", "M-1002", "Julien Bernard", "Carte verte perdue", null));
        long withoutMember = seed(null);
        assertThat(casesOfTasks.facts(withoutMember)).hasValueSatisfying(f -> {
            assertThat(f.memberId()).isNull();
            assertThat(f.memberName()).isNull();
        });
        assertThat(casesOfTasks.facts(-7)).isEmpty();
    }

    @Test
    void theTaskListKnowsTheEntityTheCaseWasFiledFrom() {
        long id = seed("M-1002");
        jdbc.sql("update content_case set entity_code = 'agence-niort' where id = ?")
                .param(id)
                .update();
        assertThat(casesOfTasks.facts(id))
                .hasValueSatisfying(f -> assertThat(f.entityCode()).isEqualTo("agence-niort"));
    }

    @Test
    void theTaskPageGetsTheCaseWhoeverAsks() {
        long id = seed("M-1001");
        CaseView view = casesOfTasks.view(id);
        assertThat(view.id()).isEqualTo(id);
        assertThat(view.memberName()).isEqualTo("Camille Martin");
    }

    @Test
    void beforeAnyDraftTheFormGetsTheSubjectAndTheRequestOnly() {
        long id = seed("M-1001");
        assertThat(formValues(id))
                .containsOnly(
                        Map.entry("subject", "Carte verte perdue"),
                        Map.entry("document", "Message du sociétaire : Carte verte perdue"));
    }

    @Test
    void theFormShowsTheDraftThenTheEditedTextThenTheApprovedOne() {
        long id = seed("M-1001");
        long draft = SeededCases.insertDraft(jdbc, id, "OFFLINE", "offline", "Texte de l'IA.", OffsetDateTime.now());
        Map<String, Object> drafted = formValues(id);
        assertThat(drafted).containsEntry("text", "Texte de l'IA.");
        assertThat(drafted).containsEntry("draftText", "Texte de l'IA.");
        assertThat(drafted).containsEntry("answer", "Texte de l'IA.");

        jdbc.sql("""
                        insert into content_version (case_id, version_no, draft_id, text, author, task_id, ai_share)
                        values (?, 1, ?, 'Texte corrigé par l''expert.', 'bob', 'edit-task', 0.5)""").params(id, draft).update();
        Map<String, Object> edited = formValues(id);
        assertThat(edited).containsEntry("text", "Texte corrigé par l'expert.");
        assertThat(edited).as("the AI's draft beside it").containsEntry("draftText", "Texte de l'IA.");
        assertThat(edited).containsEntry("answer", "Texte corrigé par l'expert.");

        jdbc.sql("update content_case set final_text = 'Texte approuvé.', status = 'APPROVED' where id = ?")
                .param(id)
                .update();
        assertThat(formValues(id))
                .containsEntry("answer", "Texte approuvé.")
                .containsEntry("text", "Texte corrigé par l'expert.");
    }

    @Test
    void aTaskWhoseBusinessKeyIsNoCaseGetsNothing() {
        for (String key : new String[] {null, "", "project-12", "reply-letter@v2", "12a"}) {
            Map<String, Object> data = new HashMap<>(Map.of("kept", "as it was"));
            casesOfTasks.contribute(null, key, data);
            assertThat(data).as(String.valueOf(key)).containsOnly(Map.entry("kept", "as it was"));
        }
    }
}
