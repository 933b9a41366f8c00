-- One row per model call, successful or not: which model was asked, for which use case and
-- prompt version, what it cost and its estimated footprint (FOOTPRINT.md, proposals 18–19).
-- Rows are only ever inserted. The method version is stored with the figures because the method
-- changes (EcoLogits 0.9.0 did); it is null when no estimate could be made (model not in the
-- catalogue), and "none" for the offline drafter, which calls no model.
create table model_call (
    id                   bigserial primary key,
    case_id              bigint references content_case (id),
    use_case_key         varchar(64)  not null,
    provider             varchar(32)  not null,
    model                varchar(200) not null,
    prompt_version       varchar(80),
    input_tokens         int,
    output_tokens        int,
    latency_ms           bigint       not null,
    cost_eur             numeric(14, 8),
    energy_wh_min        double precision,
    energy_wh_max        double precision,
    usage_kgco2e_min     double precision,
    usage_kgco2e_max     double precision,
    embodied_kgco2e_min  double precision,
    embodied_kgco2e_max  double precision,
    method_version       varchar(32),
    outcome              varchar(8)   not null check (outcome in ('OK', 'FAILED')),
    failure_kind         varchar(32),
    failure_reason       text,
    created_at           timestamptz  not null default now(),
    check (outcome = 'OK' or failure_reason is not null)
);
-- the footprint page reads by use case and month
create index model_call_use_case_created on model_call (use_case_key, created_at);
create index model_call_created on model_call (created_at);
create index model_call_case on model_call (case_id) where case_id is not null;
