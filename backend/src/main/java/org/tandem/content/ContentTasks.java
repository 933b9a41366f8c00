package org.tandem.content;

/** The user tasks of the content processes ({@code processes/content.bpmn}) that people work in Tandem. */
public final class ContentTasks {

    public static final String REVIEW = "review";
    public static final String EDIT = "edit";
    public static final String HAND_DRAFT = "handDraft";
    public static final String APPROVE = "approve";
    /** The manager's « Tâche en retard » when an overdue task of a case escalates as a TASK (issue 19). */
    public static final String HANDLE_OVERDUE = "handleOverdue";

    private ContentTasks() {}
}
