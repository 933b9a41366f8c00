package org.tandem.governance.lifecycle;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.tandem.platform.database.Rows;
import org.tandem.platform.web.ApiException;

@Repository
public class ProjectRepository {

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Content cases use their id as business key: projects are prefixed so the two never meet. */
    public static String businessKey(long projectId) {
        return "project-" + projectId;
    }

    public record NewIdea(
            String title,
            String problem,
            String team,
            String frequency,
            String timeSpent,
            String dataInvolved,
            String directorateCode) {}

    public long insert(NewIdea idea, String submittedBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into genai_project (title, problem, team, frequency, time_spent, data_involved,
                            directorate_code, submitted_by, stage)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        idea.title(),
                        idea.problem(),
                        idea.team(),
                        idea.frequency(),
                        idea.timeSpent(),
                        idea.dataInvolved(),
                        idea.directorateCode(),
                        submittedBy,
                        ProjectStage.TRIAGE.name())
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update genai_project set process_instance_id = ? where id = ?")
                .params(processInstanceId, id)
                .update();
    }

    public Optional<Project> find(long id) {
        return jdbc.sql("select * from genai_project where id = ?")
                .param(id)
                .query(Rows.of(Project.class))
                .optional();
    }

    public Project require(long id) {
        return find(id).orElseThrow(() -> ApiException.notFound("Le projet n° " + id + " n'existe pas."));
    }

    public List<Project> all() {
        return jdbc.sql("select * from genai_project order by created_at desc, id desc")
                .query(Rows.of(Project.class))
                .list();
    }

    public List<Project> submittedBy(String username) {
        return jdbc.sql("select * from genai_project where submitted_by = ? order by created_at desc, id desc")
                .param(username)
                .query(Rows.of(Project.class))
                .list();
    }

    public List<Project> usingUseCase(String useCaseKey) {
        return jdbc.sql("select * from genai_project where use_case_key = ? order by id")
                .param(useCaseKey)
                .query(Rows.of(Project.class))
                .list();
    }

    public void updateStage(long id, ProjectStage stage) {
        jdbc.sql("update genai_project set stage = ?, updated_at = now() where id = ?")
                .params(stage.name(), id)
                .update();
    }

    public void reject(long id, String reason) {
        jdbc.sql("update genai_project set rejection_reason = ?, updated_at = now() where id = ?")
                .params(reason, id)
                .update();
    }

    public void merge(long id, long into) {
        jdbc.sql("update genai_project set merged_into = ?, updated_at = now() where id = ?")
                .params(into, id)
                .update();
    }

    public void recordNecessity(long id, String necessity) {
        jdbc.sql("update genai_project set necessity = ?, updated_at = now() where id = ?")
                .params(necessity, id)
                .update();
    }

    public void recordUseCase(long id, String useCaseKey) {
        jdbc.sql("update genai_project set use_case_key = ?, updated_at = now() where id = ?")
                .params(useCaseKey, id)
                .update();
    }

    public void markExperimentStarted(long id) {
        jdbc.sql("update genai_project set experiment_started_at = ?, updated_at = now() where id = ?")
                .params(org.tandem.platform.time.EngineClock.now(), id)
                .update();
    }

    public void recordDecision(long projectId, String step, String decision, String rationale, String by) {
        jdbc.sql("""
                        insert into project_decision (project_id, step, decision, rationale, decided_by, decided_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(projectId, step, decision, rationale, by, org.tandem.platform.time.EngineClock.now())
                .update();
    }

    public List<ProjectDecision> decisions(long projectId) {
        return jdbc.sql("select * from project_decision where project_id = ? order by decided_at, id")
                .param(projectId)
                .query(Rows.of(ProjectDecision.class))
                .list();
    }
}
