-- Every saved edit is kept (proposal 33); each is tied to the draft it edits.
create table content_version (
    id           bigserial primary key,
    case_id      bigint       not null references content_case (id),
    version_no   int          not null,
    draft_id     bigint       not null references draft (id),
    text         text         not null,
    author       varchar(64)  not null,
    task_id      varchar(64)  not null,
    ai_share     double precision not null,
    created_at   timestamptz  not null default now(),
    unique (case_id, version_no)
);

-- The decisions people took on the case's tasks, with their reasons and instructions.
create table review_decision (
    id           bigserial primary key,
    case_id      bigint       not null references content_case (id),
    task_id      varchar(64)  not null,
    task_key     varchar(32)  not null,
    decision     varchar(16)  not null,
    instruction  text,
    reason       text,
    decided_by   varchar(64)  not null,
    decided_at   timestamptz  not null default now()
);
create index review_decision_case on review_decision (case_id, decided_at);

-- What the expert asked the AI when regenerating; read by the next AI step.
alter table case_context add column instruction text;
alter table case_context add column previous_draft_id bigint;

-- Per-case measures, computed when the case is approved or rejected (KPIs of the experiments).
create table case_metrics (
    case_id                 bigint primary key references content_case (id),
    time_to_first_draft_ms  bigint,
    time_to_approval_ms     bigint,
    regenerations           int     not null,
    edit_ratio_chars        double precision,
    edit_ratio_words        double precision,
    ai_share                double precision,
    accepted_without_edit   boolean not null,
    rejected                boolean not null,
    hand_drafted            boolean not null,
    computed_at             timestamptz not null default now()
);
