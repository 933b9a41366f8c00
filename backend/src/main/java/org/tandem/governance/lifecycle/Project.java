package org.tandem.governance.lifecycle;

import java.time.OffsetDateTime;

/** An employee's idea and the project it becomes (a row of genai_project). */
public record Project(
        long id,
        String title,
        String problem,
        String team,
        String frequency,
        String timeSpent,
        String dataInvolved,
        String directorateCode,
        String submittedBy,
        ProjectStage stage,
        String rejectionReason,
        Long mergedInto,
        String necessity,
        String useCaseKey,
        String processInstanceId,
        OffsetDateTime experimentStartedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public String businessKey() {
        return ProjectRepository.businessKey(id);
    }
}
