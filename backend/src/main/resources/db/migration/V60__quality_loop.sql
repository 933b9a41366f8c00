-- The quality loop (README « La boucle qualité »): structured reasons of the decisions, pre-prompt
-- versions authorised before they serve, evaluation runs, the sampled second review and what the
-- reviewers' figures are computed from.

-- The reasons a person chose beside the free text (codes of the use case's set, see QualityCatalog).
create table review_reason (
    decision_id  bigint      not null references review_decision (id),
    reason_code  varchar(64) not null,
    primary key (decision_id, reason_code)
);

-- A version may tie a pre-prompt to a model (the use case file's ai.model; null: the provider's model).
alter table prompt_version add column model varchar(200);

-- What was decided about each pre-prompt version, in order: a version serves new cases once authorised,
-- and the version of a use case's latest authorisation is the one in service. Versions present before this
-- migration served already: they count as authorised (basis MIGRATION). Only inserted, never updated.
create table prompt_authorization (
    id             bigserial    primary key,
    use_case_key   varchar(64)  not null,
    version        int          not null,
    decision       varchar(16)  not null check (decision in ('AUTHORISED', 'REFUSED')),
    basis          varchar(16)  not null check (basis in ('MIGRATION', 'INSTALLATION', 'EVALUATION')),
    decided_by     varchar(256) not null,
    task_id        varchar(64),
    evaluation_id  bigint,
    reason         text,
    decided_at     timestamptz  not null default now(),
    foreign key (use_case_key, version) references prompt_version (use_case_key, version),
    check (basis <> 'EVALUATION' or task_id is not null)
);
create index prompt_authorization_use_case on prompt_authorization (use_case_key, id desc);

insert into prompt_authorization (use_case_key, version, decision, basis, decided_by, reason)
select use_case_key, version, 'AUTHORISED', 'MIGRATION', 'migration',
       'Version en service avant la boucle qualité : autorisée d''office.'
from prompt_version
order by use_case_key, version;

-- An evaluation run: a candidate version (or model) drafted again on the use case's reference set (its
-- last approved cases), beside the version in service. Progress is done_cases / total_cases.
create table prompt_evaluation (
    id                   bigserial    primary key,
    use_case_key         varchar(64)  not null,
    candidate_version    int          not null,
    baseline_version     int,
    reference_size       int          not null,
    total_cases          int          not null default 0,
    done_cases           int          not null default 0,
    status               varchar(16)  not null check (status in ('REQUESTED', 'RUNNING', 'DONE')),
    provider             varchar(32),
    requested_by         varchar(256) not null,
    process_instance_id  varchar(64),
    created_at           timestamptz  not null default now(),
    started_at           timestamptz,
    finished_at          timestamptz,
    foreign key (use_case_key, candidate_version) references prompt_version (use_case_key, version)
);
create index prompt_evaluation_use_case on prompt_evaluation (use_case_key, id desc);

-- One reference case drafted by one side (CANDIDATE, BASELINE): the measures, and the new draft with the
-- member's data replaced by tokens (the referent compares texts, never identities).
create table prompt_evaluation_case (
    evaluation_id       bigint       not null references prompt_evaluation (id),
    case_id             bigint       not null references content_case (id),
    side                varchar(16)  not null check (side in ('CANDIDATE', 'BASELINE')),
    position            int          not null,
    status              varchar(16)  not null check (status in ('PENDING', 'DONE', 'FAILED')),
    draft_text          text,
    model               varchar(200),
    edit_distance       double precision,
    length_chars        int,
    guardrail_findings  int,
    blocking_findings   int,
    sources_cited       int,
    cost_eur            numeric(14, 8),
    energy_wh           double precision,
    latency_ms          bigint,
    failure             text,
    primary key (evaluation_id, case_id, side)
);

-- The draw of the second review, once per disclosed case: the stratum, the rate it was drawn at, and,
-- when drawn, the second reviewer (never someone who worked on the case) and the first verdict, which
-- the second reviewer does not see.
create table second_review_draw (
    case_id              bigint       primary key references content_case (id),
    use_case_key         varchar(64)  not null,
    stratum              varchar(24)  not null check (stratum in ('ACCEPTED_UNCHANGED', 'CORRECTED')),
    rate                 double precision not null,
    drawn                boolean      not null,
    first_reviewer       varchar(256),
    first_verdict        varchar(16)  check (first_verdict in ('ACCEPT', 'EDIT', 'REJECT')),
    reviewer             varchar(256),
    no_reviewer_reason   text,
    process_instance_id  varchar(64),
    drawn_at             timestamptz  not null default now()
);
create index second_review_draw_use_case on second_review_draw (use_case_key, drawn);

create table second_review (
    case_id     bigint       primary key references second_review_draw (case_id),
    task_id     varchar(64)  not null,
    reviewer    varchar(256) not null,
    verdict     varchar(16)  not null check (verdict in ('ACCEPT', 'EDIT', 'REJECT')),
    comment     text,
    decided_at  timestamptz  not null default now()
);

create table second_review_reason (
    case_id      bigint      not null references second_review (case_id),
    reason_code  varchar(64) not null,
    primary key (case_id, reason_code)
);

-- Each decision taken after reading a text: how long it was displayed for how many characters, and
-- whether that was under the reading-speed floor (then confirmed by the person, and counted).
create table reading_decision (
    id           bigserial    primary key,
    case_id      bigint       not null references content_case (id),
    task_id      varchar(64)  not null,
    task_key     varchar(32)  not null,
    decision     varchar(16)  not null,
    decided_by   varchar(256) not null,
    display_ms   bigint,
    characters   int          not null,
    floor_ms     bigint       not null,
    below_floor  boolean      not null,
    decided_at   timestamptz  not null default now()
);
create index reading_decision_person on reading_decision (decided_by, decided_at);

-- A reviewer's choice to let managers see their own figures (proposal 15); absent = no.
create table reviewer_consent (
    username    varchar(256) primary key,
    share       boolean      not null,
    updated_at  timestamptz  not null default now()
);
