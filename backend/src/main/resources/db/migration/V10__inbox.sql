-- The task list's read model: one row per user task, written by task listeners in the engine's own
-- transaction (org.tandem.inbox). Camunda stays the truth; this table only answers "which tasks,
-- in what order" in one indexed query, where Camunda's task query joins once per variable filter.
create table inbox_task (
    task_id              varchar(64)  primary key,
    process_instance_id  varchar(64),
    process_key          varchar(255),
    task_key             varchar(255) not null,
    name                 varchar(255),
    case_id              bigint,
    use_case_key         varchar(64),
    member_id            varchar(32),
    member_name          varchar(200),
    subject              varchar(200),
    entity_code          varchar(32),
    candidate_groups     text[]       not null default '{}',
    candidate_users      text[]       not null default '{}',
    assignee             varchar(255),
    created_at           timestamptz  not null,
    due_at               timestamptz,
    follow_up_at         timestamptz,
    priority             int          not null default 50,
    -- OPEN, COMPLETED or DELETED (cancelled with its process)
    status               varchar(16)  not null,
    ended_at             timestamptz,
    updated_at           timestamptz  not null default now()
);

-- Open tasks only: the list never reads the (much larger) history through these.
create index inbox_task_open_groups on inbox_task using gin (candidate_groups) where status = 'OPEN';
create index inbox_task_open_users on inbox_task using gin (candidate_users) where status = 'OPEN';
create index inbox_task_open_assignee on inbox_task (assignee, created_at desc) where status = 'OPEN';
create index inbox_task_open_created on inbox_task (created_at desc, task_id) where status = 'OPEN';
create index inbox_task_open_use_case on inbox_task (use_case_key, created_at desc) where status = 'OPEN';
create index inbox_task_case on inbox_task (case_id);
-- "what I completed": the history is read per person only
create index inbox_task_done_assignee on inbox_task (assignee, ended_at desc) where status = 'COMPLETED';

-- Saved filters of the task list, shared with one group (only its members see them).
create table task_filter (
    id          bigserial    primary key,
    owner       varchar(64)  not null,
    group_id    varchar(64)  not null,
    name        varchar(80)  not null,
    criteria    text         not null,
    created_at  timestamptz  not null default now(),
    unique (group_id, name)
);
