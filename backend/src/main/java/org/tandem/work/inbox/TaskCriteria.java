package org.tandem.work.inbox;

import java.time.LocalDate;

/**
 * What the task list asks for. Every field is optional; {@link #normalised()} fills the defaults.
 * Also the content of a saved filter.
 *
 * @param scope      MINE (assigned to me), GROUPS (unassigned, offered to my groups or to me), ALL (both)
 * @param status     OPEN, OVERDUE (due date passed), FOLLOW_UP (follow-up date reached), DONE (completed by me)
 * @param minPriority tasks of at least this priority (Camunda's 0–100, 50 by default)
 * @param suspended  INCLUDE (default), EXCLUDE or ONLY the tasks of suspended process instances
 */
public record TaskCriteria(
        String scope,
        String status,
        String useCase,
        String member,
        LocalDate dueAfter,
        LocalDate dueBefore,
        Integer minPriority,
        String text,
        String sort,
        String order,
        String suspended) {

    public enum Scope {
        MINE,
        GROUPS,
        ALL
    }

    public enum Status {
        OPEN,
        OVERDUE,
        FOLLOW_UP,
        DONE
    }

    public enum Sort {
        CREATED,
        DUE,
        PRIORITY,
        SUBJECT,
        MEMBER,
        NAME
    }

    public enum Suspended {
        INCLUDE,
        EXCLUDE,
        ONLY
    }

    public static final TaskCriteria DEFAULT =
            new TaskCriteria(null, null, null, null, null, null, null, null, null, null, null);

    public Scope scopeValue() {
        return scope == null || scope.isBlank()
                ? Scope.ALL
                : Scope.valueOf(scope.trim().toUpperCase());
    }

    public Status statusValue() {
        return status == null || status.isBlank()
                ? Status.OPEN
                : Status.valueOf(status.trim().toUpperCase().replace('-', '_'));
    }

    public Suspended suspendedValue() {
        return suspended == null || suspended.isBlank()
                ? Suspended.INCLUDE
                : Suspended.valueOf(suspended.trim().toUpperCase());
    }

    public Sort sortValue() {
        return sort == null || sort.isBlank()
                ? Sort.CREATED
                : Sort.valueOf(sort.trim().toUpperCase());
    }

    /** Newest first unless asked otherwise; earliest due first when sorted by due date. */
    public boolean ascending() {
        if (order == null || order.isBlank()) {
            return sortValue() == Sort.DUE
                    || sortValue() == Sort.SUBJECT
                    || sortValue() == Sort.MEMBER
                    || sortValue() == Sort.NAME;
        }
        return "asc".equalsIgnoreCase(order.trim());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
