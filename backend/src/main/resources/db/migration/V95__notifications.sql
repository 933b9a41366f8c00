-- Notifications (issue 19): what a person is told in Tandem (new task for their group, task assigned to them,
-- task due tomorrow, their case returned to them), their choices, and the daily e-mail digests sent.
-- A notification keeps ids and the task's name from the process model only: the case's subject is read at
-- display time from the task list's read model (erased with it), so nothing here is a member's personal data.
create table notification (
    id          bigserial    primary key,
    recipient   varchar(64)  not null,
    kind        varchar(16)  not null check (kind in ('NEW_TASK', 'ASSIGNED', 'DUE_TOMORROW', 'RETURNED')),
    task_id     varchar(64)  not null,
    case_id     bigint,
    task_name   varchar(255),
    created_at  timestamptz  not null default now(),
    read_at     timestamptz
);
-- a person's list, newest first, and their unread count (the header polls it)
create index notification_recipient on notification (recipient, id desc);
create index notification_unread on notification (recipient, created_at) where read_at is null;
-- « due tomorrow » once per task and person, whichever node scans first
create unique index notification_due_once on notification (task_id, recipient) where kind = 'DUE_TOMORROW';

-- A person's choices; no row: every kind in the list, no digest.
create table notification_settings (
    username      varchar(64)  primary key,
    in_app_kinds  text[]       not null,
    daily_digest  boolean      not null default false,
    updated_at    timestamptz  not null default now()
);

-- One digest per person and day, whichever node sends it: the row is taken before the mail leaves.
create table notification_digest (
    recipient      varchar(64)  not null,
    day            date         not null,
    sent_at        timestamptz  not null,
    notifications  int          not null,
    primary key (recipient, day)
);

-- the hourly « due tomorrow » scan reads open tasks by due date (the task list's read model, org.tandem.work)
create index notification_scan_due on inbox_task (due_at) where status = 'OPEN' and due_at is not null;
