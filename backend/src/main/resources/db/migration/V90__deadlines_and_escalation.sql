-- Deadlines and escalation (issue 19). A case's due date is computed once, when it opens: the request
-- time plus its use case's answer time in business days (weekends and French public holidays skipped).
alter table content_case add column due_at timestamptz;
create index content_case_due_at on content_case (due_at) where due_at is not null;

-- Each escalation of an overdue task: at most one per case, whichever of its tasks was late first
-- (a task created again by a regeneration, or a second task's timer, finds the row and does nothing).
create table task_escalation (
    id              bigserial    primary key,
    case_id         bigint       not null references content_case (id) unique,
    task_id         varchar(64)  not null,
    task_key        varchar(64)  not null,
    task_name       varchar(200),
    due_at          timestamptz,
    escalated_at    timestamptz  not null,
    -- REASSIGN: the task was assigned to the manager; TASK: the manager received « Tâche en retard »
    mode            varchar(16)  not null check (mode in ('REASSIGN', 'TASK')),
    -- the manager, or null when none was found and the task went to the use case's approver group
    escalated_to    varchar(64),
    to_group        varchar(64),
    previous_assignee varchar(64),
    entity_code     varchar(32),
    -- why the approver group was chosen when no manager was found
    fallback_reason varchar(300)
);

-- the manager's follow-up of a « Tâche en retard » (escalation TASK)
alter table task_escalation add column handled_by varchar(64);
alter table task_escalation add column handled_at timestamptz;
alter table task_escalation add column handled_note varchar(2000);
