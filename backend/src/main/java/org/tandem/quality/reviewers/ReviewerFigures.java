package org.tandem.quality.reviewers;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tandem.content.ContentTasks;
import org.tandem.platform.database.Rows;

/**
 * A reviewer's figures per use case, computed from what they did (never declared): the cases whose AI
 * draft they reviewed, the share accepted without edit, the mean edit ratio of those cases, the time from
 * the AI draft to their first decision, the display time per 1,000 characters of what they decided on,
 * regenerations per case, the share of their verdicts a second reviewer disagreed with, and their
 * approvals under the reading-speed floor. The same over a whole team (every reviewer of a use case).
 */
@Service
public class ReviewerFigures {

    /**
     * One person's (or a team's, {@code username} null) figures on one use case.
     *
     * @param acceptedWithoutEdit share of their reviewed cases approved exactly as the AI drafted (0–1)
     * @param meanEditRatio       mean character edit ratio of the approved text to the AI draft (0–1)
     * @param meanMinutesToFirstDecision from the AI draft to their first decision on it
     * @param secondsPer1000Chars display time before deciding, per 1,000 characters displayed
     * @param regenerationsPerCase regenerations they asked, per reviewed case
     * @param secondReviews        how many of their verdicts a second reviewer rated
     * @param disagreement         share of those where the second reviewer disagreed (0–1)
     * @param approvalsBelowFloor  approvals confirmed under the reading-speed floor
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReviewerFigures")
    public record Figures(
            String useCaseKey,
            String username,
            int reviewers,
            int cases,
            Double acceptedWithoutEdit,
            Double meanEditRatio,
            Double meanMinutesToFirstDecision,
            Double secondsPer1000Chars,
            Double regenerationsPerCase,
            int secondReviews,
            Double disagreement,
            int approvalsBelowFloor) {}

    private final JdbcClient jdbc;

    ReviewerFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every (use case, reviewer) pair's figures; with {@code username} given, that person's only. */
    public List<Figures> perReviewer(String username) {
        return jdbc.sql(PER_REVIEWER.replace("/*user*/", username == null ? "" : "and r.decided_by = :user"))
                .param("review", ContentTasks.REVIEW)
                .param("user", username == null ? "" : username)
                .query(Rows.of(Figures.class))
                .list();
    }

    /** Per use case, all its reviewers together (each case counted once). */
    public List<Figures> perTeam() {
        return jdbc.sql(PER_TEAM)
                .param("review", ContentTasks.REVIEW)
                .query(Rows.of(Figures.class))
                .list();
    }

    private static final String COMMON = """
            with reviewed as (
                select distinct c.use_case_key, r.case_id, r.decided_by as username
                from review_decision r join content_case c on c.id = r.case_id
                where r.task_key = :review /*user*/
            ),
            first_draft as (
                select case_id, min(created_at) as at from draft where producer <> 'HUMAN' group by case_id
            )
            """;

    private static final String PER_REVIEWER = COMMON + """
            , first_decision as (
                select case_id, decided_by as username, min(decided_at) as at from review_decision
                where task_key = :review group by case_id, decided_by
            )
            select v.use_case_key, v.username, 1 as reviewers, count(*) as cases,
                   avg(case when m.case_id is null or m.rejected then null
                            when m.accepted_without_edit then 1.0 else 0.0 end) as accepted_without_edit,
                   avg(m.edit_ratio_chars) as mean_edit_ratio,
                   avg(extract(epoch from (f.at - fd.at)) / 60.0) as mean_minutes_to_first_decision,
                   (select sum(rd.display_ms) / 1000.0 * 1000.0 / nullif(sum(rd.characters), 0)
                      from reading_decision rd join content_case rc on rc.id = rd.case_id
                      where rc.use_case_key = v.use_case_key and rd.display_ms is not null
                        and rd.decided_by = v.username) as seconds_per1000_chars,
                   (select count(*) from review_decision d join content_case dc on dc.id = d.case_id
                      where dc.use_case_key = v.use_case_key and d.task_key = :review and d.decision = 'REGENERATE'
                        and d.decided_by = v.username) * 1.0 / count(*) as regenerations_per_case,
                   (select count(*) from second_review_draw s join second_review sr on sr.case_id = s.case_id
                      where s.use_case_key = v.use_case_key and s.first_reviewer = v.username) as second_reviews,
                   (select avg(case when sr.verdict = s.first_verdict then 0.0 else 1.0 end)
                      from second_review_draw s join second_review sr on sr.case_id = s.case_id
                      where s.use_case_key = v.use_case_key and s.first_reviewer = v.username) as disagreement,
                   (select count(*) from reading_decision rd join content_case rc on rc.id = rd.case_id
                      where rc.use_case_key = v.use_case_key and rd.below_floor and rd.decision in ('ACCEPT', 'APPROVE')
                        and rd.decided_by = v.username) as approvals_below_floor
            from reviewed v
            left join case_metrics m on m.case_id = v.case_id
            left join first_decision f on f.case_id = v.case_id and f.username = v.username
            left join first_draft fd on fd.case_id = v.case_id
            group by v.use_case_key, v.username
            order by v.use_case_key, v.username""";

    private static final String PER_TEAM = COMMON.replace("/*user*/", "") + """
            , first_decision as (
                select case_id, min(decided_at) as at from review_decision where task_key = :review group by case_id
            ),
            team_cases as (select distinct use_case_key, case_id from reviewed)
            select t.use_case_key, cast(null as varchar) as username,
                   (select count(distinct r2.username) from reviewed r2 where r2.use_case_key = t.use_case_key) as reviewers,
                   count(*) as cases,
                   avg(case when m.case_id is null or m.rejected then null
                            when m.accepted_without_edit then 1.0 else 0.0 end) as accepted_without_edit,
                   avg(m.edit_ratio_chars) as mean_edit_ratio,
                   avg(extract(epoch from (f.at - fd.at)) / 60.0) as mean_minutes_to_first_decision,
                   (select sum(rd.display_ms) / 1000.0 * 1000.0 / nullif(sum(rd.characters), 0)
                      from reading_decision rd join content_case rc on rc.id = rd.case_id
                      where rc.use_case_key = t.use_case_key and rd.display_ms is not null) as seconds_per1000_chars,
                   (select count(*) from review_decision d join content_case dc on dc.id = d.case_id
                      where dc.use_case_key = t.use_case_key and d.task_key = :review and d.decision = 'REGENERATE')
                      * 1.0 / count(*) as regenerations_per_case,
                   (select count(*) from second_review_draw s join second_review sr on sr.case_id = s.case_id
                      where s.use_case_key = t.use_case_key) as second_reviews,
                   (select avg(case when sr.verdict = s.first_verdict then 0.0 else 1.0 end)
                      from second_review_draw s join second_review sr on sr.case_id = s.case_id
                      where s.use_case_key = t.use_case_key) as disagreement,
                   (select count(*) from reading_decision rd join content_case rc on rc.id = rd.case_id
                      where rc.use_case_key = t.use_case_key and rd.below_floor
                        and rd.decision in ('ACCEPT', 'APPROVE')) as approvals_below_floor
            from team_cases t
            left join case_metrics m on m.case_id = t.case_id
            left join first_decision f on f.case_id = t.case_id
            left join first_draft fd on fd.case_id = t.case_id
            group by t.use_case_key
            order by t.use_case_key""";
}
