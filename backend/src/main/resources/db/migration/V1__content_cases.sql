-- Tandem's own records. The engine's tables (ACT_*) are created by Camunda itself.
-- Process variables stay small (ids, flags): texts live here, linked by the case id,
-- which is also the process instance's business key.

create table member (
    id             varchar(32) primary key,
    first_name     varchar(100) not null,
    last_name      varchar(100) not null,
    birth_date     date,
    email          varchar(200),
    phone          varchar(40),
    address        varchar(300),
    city           varchar(100),
    policy_number  varchar(40)
);

create table content_case (
    id                   bigserial primary key,
    use_case_key         varchar(64)  not null,
    prompt_version       varchar(80)  not null,
    member_id            varchar(32)  not null references member (id),
    subject              varchar(200) not null,
    message              text         not null,
    status               varchar(32)  not null,
    requested_by         varchar(64)  not null,
    process_instance_id  varchar(64),
    final_text           text,
    approved_by          varchar(64),
    approved_at          timestamptz,
    ai_share             double precision,
    failure_reason       text,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now()
);
create index content_case_requested_by on content_case (requested_by, created_at desc);

-- What the AI step is given: assembled once per case by the "assemble context" task.
create table case_context (
    case_id         bigint primary key references content_case (id),
    prompt_version  varchar(80) not null,
    system_prompt   text        not null,
    user_prompt     text        not null,
    created_at      timestamptz not null default now()
);

-- Each draft is keyed by the external task and attempt: a re-delivered task never makes two.
create table draft (
    id                bigserial primary key,
    case_id           bigint       not null references content_case (id),
    external_task_id  varchar(64)  not null,
    attempt           int          not null,
    text              text         not null,
    producer          varchar(16)  not null,
    model             varchar(100) not null,
    prompt_version    varchar(80)  not null,
    input_tokens      int,
    output_tokens     int,
    latency_ms        bigint,
    created_at        timestamptz  not null default now(),
    unique (external_task_id, attempt)
);
create index draft_case on draft (case_id, created_at desc);

-- One disclosure per case, whatever the retries: the case id is the idempotency key.
create table disclosure (
    case_id         bigint primary key references content_case (id),
    category        varchar(32)  not null,
    label           text,
    cite_sources    boolean      not null,
    marker          text         not null,
    disclosed_text  text         not null,
    disclosed_at    timestamptz  not null default now()
);
