-- The GenAI project lifecycle (DESIGN.md, process 2): entities, ideas and projects, scoring,
-- ethics reviews, experiments with KPIs, rollout waves, and which entity may use which use case.

-- Business entities (agencies, centres) and who works in which one.
create table business_entity (
    code  varchar(32)  primary key,
    name  varchar(120) not null
);
create table user_entity (
    username     varchar(64) primary key,
    entity_code  varchar(32) not null references business_entity (code)
);
-- The entity a case was requested from: KPIs are computed per pilot and control entity.
alter table content_case add column entity_code varchar(32);
create index content_case_use_case_entity on content_case (use_case_key, entity_code, created_at);

-- Where a use case may run, set by a project's experiment and rollout. A use case with no row at
-- all is not managed by any project and runs with AI everywhere (the state before this table).
create table use_case_entity (
    use_case_key  varchar(64) not null,
    entity_code   varchar(32) not null references business_entity (code),
    mode          varchar(16) not null check (mode in ('AI', 'CONTROL', 'PAUSED', 'OFF')),
    killed        boolean     not null default false,
    project_id    bigint,
    updated_by    varchar(64) not null,
    updated_at    timestamptz not null default now(),
    primary key (use_case_key, entity_code)
);
-- The kill switch of a whole use case (crisis plan): new requests go to hand-drafting.
create table use_case_kill_switch (
    use_case_key  varchar(64) primary key,
    killed_by     varchar(64) not null,
    reason        text        not null,
    killed_at     timestamptz not null default now()
);

-- Directorates select their projects; the weights of the absolute score are theirs.
create table directorate (
    code           varchar(32)  primary key,
    name           varchar(120) not null,
    w_value        double precision not null check (w_value >= 0),
    w_cost         double precision not null check (w_cost >= 0),
    w_feasibility  double precision not null check (w_feasibility >= 0),
    w_environment  double precision not null check (w_environment >= 0),
    w_risk         double precision not null check (w_risk >= 0),
    check (w_value + w_cost + w_feasibility + w_environment + w_risk > 0)
);
insert into directorate (code, name, w_value, w_cost, w_feasibility, w_environment, w_risk) values
    ('relation-societaires', 'Direction Relation Sociétaires', 35, 15, 15, 15, 20),
    ('sinistres', 'Direction Sinistres', 30, 20, 20, 10, 20),
    ('reseau', 'Direction du Réseau', 30, 15, 20, 20, 15);

-- An idea from any employee, which becomes a project when the referent accepts it.
create table genai_project (
    id                   bigserial primary key,
    title                varchar(200) not null,
    problem              text         not null,
    team                 varchar(200) not null,
    frequency            varchar(200) not null,
    time_spent           varchar(200) not null,
    data_involved        text         not null,
    directorate_code     varchar(32)  not null references directorate (code),
    submitted_by         varchar(64)  not null,
    stage                varchar(32)  not null,
    rejection_reason     text,
    merged_into          bigint references genai_project (id),
    necessity            text,
    use_case_key         varchar(64),
    process_instance_id  varchar(64),
    experiment_started_at timestamptz,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now()
);
create index genai_project_submitter on genai_project (submitted_by, created_at desc);

-- Every decision taken on a project, with who took it and why (triage, selection, experiment…).
create table project_decision (
    id          bigserial primary key,
    project_id  bigint       not null references genai_project (id),
    step        varchar(32)  not null,
    decision    varchar(32)  not null,
    rationale   text,
    decided_by  varchar(64)  not null,
    decided_at  timestamptz  not null default now()
);
create index project_decision_project on project_decision (project_id, decided_at);

-- The directorate's scoring: its inputs, the forecast footprint and the absolute score.
create table project_score (
    project_id             bigint primary key references genai_project (id),
    cases_per_year         bigint           not null,
    minutes_saved_per_case double precision not null,
    member_benefit         int              not null,
    build_cost_eur         double precision not null,
    model                  varchar(100)     not null,
    input_tokens_per_case  bigint           not null,
    output_tokens_per_case bigint           not null,
    feasibility            int              not null,
    risk_tier              varchar(16)      not null,
    run_cost_eur_per_year  double precision,
    energy_kwh_min         double precision not null,
    energy_kwh_max         double precision not null,
    kgco2e_min             double precision not null,
    kgco2e_max             double precision not null,
    value_score            double precision not null,
    cost_score             double precision not null,
    feasibility_score      double precision not null,
    environment_score      double precision not null,
    risk_score             double precision not null,
    total_score            double precision not null,
    weights                varchar(200)     not null,
    scored_by              varchar(64)      not null,
    scored_at              timestamptz      not null default now()
);

-- The ethics and control committee's reviews: the nine criteria of the convention, each judged.
create table ethics_review (
    id           bigserial primary key,
    project_id   bigint      not null references genai_project (id),
    gate         varchar(16) not null check (gate in ('EXPERIMENT', 'ROLLOUT')),
    outcome      varchar(32) not null check (outcome in ('APPROVE', 'APPROVE_WITH_CONDITIONS', 'REWORK', 'REJECT')),
    conditions   text,
    reviewed_by  varchar(64) not null,
    reviewed_at  timestamptz not null default now()
);
create table ethics_verdict (
    review_id  bigint      not null references ethics_review (id),
    criterion  varchar(32) not null,
    verdict    varchar(16) not null check (verdict in ('FAVOURABLE', 'RESERVED', 'UNFAVOURABLE')),
    comment    text        not null,
    primary key (review_id, criterion)
);

-- The experiment: pilot and control entities, key users, KPIs, feedback.
create table experiment_entity (
    project_id   bigint      not null references genai_project (id),
    entity_code  varchar(32) not null references business_entity (code),
    role         varchar(16) not null check (role in ('PILOT', 'CONTROL')),
    primary key (project_id, entity_code)
);
create table experiment_key_user (
    project_id  bigint      not null references genai_project (id),
    username    varchar(64) not null,
    primary key (project_id, username)
);
create table project_kpi (
    id          bigserial primary key,
    project_id  bigint           not null references genai_project (id),
    metric      varchar(40)      not null,
    unit        varchar(32)      not null,
    direction   varchar(16)      not null check (direction in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    baseline    double precision,
    target      double precision not null,
    guardrail   double precision not null,
    unique (project_id, metric)
);
create table project_feedback (
    id          bigserial primary key,
    project_id  bigint      not null references genai_project (id),
    author      varchar(64) not null,
    text        text        not null,
    created_at  timestamptz not null default now()
);

-- People's measures: a one-question comfort survey with the time saved as perceived, and the
-- member's satisfaction recorded on the case.
create table comfort_survey (
    case_id        bigint      not null references content_case (id),
    username       varchar(64) not null,
    comfort        int         not null check (comfort between 1 and 5),
    minutes_saved  double precision,
    answered_at    timestamptz not null default now(),
    primary key (case_id, username)
);
create table member_satisfaction (
    case_id      bigint primary key references content_case (id),
    score        int         not null check (score between 1 and 5),
    recorded_by  varchar(64) not null,
    recorded_at  timestamptz not null default now()
);

-- The rollout: waves of entities with a planned date, named tutors and referents, and the
-- training each person must have completed before the wave starts (AI Act art. 4).
create table rollout_wave (
    id             bigserial primary key,
    project_id     bigint      not null references genai_project (id),
    seq            int         not null,
    planned_start  timestamptz not null,
    status         varchar(16) not null check (status in ('PLANNED', 'RUNNING', 'PAUSED', 'COMPLETED', 'STOPPED')),
    started_at     timestamptz,
    pause_reason   text,
    unique (project_id, seq)
);
create table wave_entity (
    wave_id      bigint      not null references rollout_wave (id),
    entity_code  varchar(32) not null references business_entity (code),
    primary key (wave_id, entity_code)
);
create table wave_person (
    wave_id     bigint      not null references rollout_wave (id),
    username    varchar(64) not null,
    role        varchar(16) not null check (role in ('USER', 'TUTOR', 'REFERENT')),
    trained_at  timestamptz,
    primary key (wave_id, username)
);
