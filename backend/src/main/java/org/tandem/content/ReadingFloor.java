package org.tandem.content;

import java.text.NumberFormat;
import java.util.Locale;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.platform.security.CurrentUser;
import org.tandem.platform.time.EngineClock;
import org.tandem.platform.usecase.QualityCatalog;
import org.tandem.platform.web.ApiException;
import org.tandem.work.TaskDecision;

/**
 * Against rubber-stamping, beyond the full display ({@link org.tandem.work.DraftDisplays}): an approval
 * whose text was displayed for less than the use case's reading-speed floor (by default 1,000 characters
 * per 20 s) is refused once with a 409 the screen turns into a confirmation; confirmed, it goes through
 * and is counted. Every decision taken after reading is recorded with its display time and length: the
 * reviewers' figures (display time per 1,000 characters, approvals under the floor) are computed from it.
 */
@Component
public class ReadingFloor {

    /** The field of the 409 that asks for the confirmation, and of the decision that gives it. */
    public static final String CONFIRM_FIELD = "confirmFastApproval";

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final QualityCatalog quality;

    ReadingFloor(JdbcClient jdbc, CaseRepository cases, QualityCatalog quality) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.quality = quality;
    }

    /**
     * For an approval (accept, approve, « correct »): refuses it unless confirmed when {@code displayTimeMs}
     * is under the floor for {@code text}, then records it (in the caller's transaction).
     *
     * @return whether the approval was under the floor (then confirmed)
     */
    public boolean approve(Task task, long caseId, TaskDecision d, CurrentUser user, String text, long displayTimeMs) {
        int characters = text == null ? 0 : text.codePointCount(0, text.length());
        long floorMs = floorMs(caseId, characters);
        boolean below = displayTimeMs < floorMs;
        if (below && !d.fastApprovalConfirmed()) {
            NumberFormat fr = NumberFormat.getIntegerInstance(Locale.FRANCE);
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    CONFIRM_FIELD,
                    "Vous avez affiché ce texte de " + fr.format(characters) + " caractères pendant "
                            + seconds(displayTimeMs) + " : une lecture attentive en demande au moins "
                            + seconds(floorMs) + ". Confirmez que vous l'avez lu en entier ; "
                            + "une approbation plus rapide que la lecture est comptée dans vos indicateurs.");
        }
        insert(task, caseId, d, user, characters, displayTimeMs, floorMs, below);
        return below;
    }

    /** For any other decision taken on a displayed text (edit, regenerate, reject…): recorded, never refused. */
    public void record(Task task, long caseId, TaskDecision d, CurrentUser user, String text, Long displayTimeMs) {
        int characters = text == null ? 0 : text.codePointCount(0, text.length());
        long floorMs = floorMs(caseId, characters);
        insert(
                task,
                caseId,
                d,
                user,
                characters,
                displayTimeMs,
                floorMs,
                displayTimeMs != null && displayTimeMs < floorMs);
    }

    private long floorMs(long caseId, int characters) {
        String useCase = cases.useCaseKeyOf(caseId).orElseThrow();
        return quality.settings(useCase).readingFloorMs(characters);
    }

    private void insert(
            Task task,
            long caseId,
            TaskDecision d,
            CurrentUser user,
            int characters,
            Long displayTimeMs,
            long floorMs,
            boolean below) {
        jdbc.sql("""
                        insert into reading_decision (case_id, task_id, task_key, decision, decided_by, display_ms,
                            characters, floor_ms, below_floor, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        caseId,
                        task.getId(),
                        task.getTaskDefinitionKey(),
                        d.decision().name(),
                        user.username(),
                        displayTimeMs,
                        characters,
                        floorMs,
                        below,
                        EngineClock.now())
                .update();
    }

    private static String seconds(long ms) {
        long s = Math.max(0, Math.round(ms / 1000.0));
        return s < 1 && ms > 0 ? "moins d'une seconde" : s + " s";
    }
}
