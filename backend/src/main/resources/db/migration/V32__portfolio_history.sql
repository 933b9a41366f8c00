-- The auditable portfolio (issue 14): every scoring of a project and every change of a directorate's
-- weights is kept (who, when, why, the figures); re-scoring appends. The ranking at any date is
-- recomputed from this history (the criteria of each project's latest scoring at that date, weighted by
-- its directorate's weights in force at that date).

alter table project_score drop constraint project_score_pkey;
alter table project_score
    add column id               bigserial primary key,
    add column reason           text,
    add column directorate_code varchar(32) references directorate (code),
    add column w_value          double precision,
    add column w_cost           double precision,
    add column w_feasibility    double precision,
    add column w_environment    double precision,
    add column w_risk           double precision;
-- scorings made before this history: their directorate, and its weights as they are now (the best known)
update project_score s set directorate_code = p.directorate_code,
       w_value = d.w_value, w_cost = d.w_cost, w_feasibility = d.w_feasibility,
       w_environment = d.w_environment, w_risk = d.w_risk
  from genai_project p join directorate d on d.code = p.directorate_code
 where p.id = s.project_id;
alter table project_score
    alter column directorate_code set not null,
    alter column w_value set not null,
    alter column w_cost set not null,
    alter column w_feasibility set not null,
    alter column w_environment set not null,
    alter column w_risk set not null;
create index project_score_history on project_score (project_id, scored_at, id);

-- Each change of a directorate's weights, with the new figures; the first row of each directorate is the
-- weights in force when this history began.
create table directorate_weights (
    id                bigserial        primary key,
    directorate_code  varchar(32)      not null references directorate (code),
    w_value           double precision not null check (w_value >= 0),
    w_cost            double precision not null check (w_cost >= 0),
    w_feasibility     double precision not null check (w_feasibility >= 0),
    w_environment     double precision not null check (w_environment >= 0),
    w_risk            double precision not null check (w_risk >= 0),
    reason            text             not null,
    changed_by        varchar(64)      not null,
    changed_at        timestamptz      not null default now(),
    check (w_value + w_cost + w_feasibility + w_environment + w_risk > 0)
);
create index directorate_weights_history on directorate_weights (directorate_code, changed_at, id);
insert into directorate_weights (directorate_code, w_value, w_cost, w_feasibility, w_environment, w_risk,
                                 reason, changed_by)
select code, w_value, w_cost, w_feasibility, w_environment, w_risk,
       'Poids en vigueur à l''ouverture de l''historique', 'system'
  from directorate;

-- both histories are append-only
create function portfolio_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: a new scoring or a new weights change is a new row', tg_table_name;
end $$;
create trigger project_score_append_only
    before update or delete on project_score
    for each row execute function portfolio_history_is_append_only();
create trigger project_score_no_truncate
    before truncate on project_score
    for each statement execute function portfolio_history_is_append_only();
create trigger directorate_weights_append_only
    before update or delete on directorate_weights
    for each row execute function portfolio_history_is_append_only();
create trigger directorate_weights_no_truncate
    before truncate on directorate_weights
    for each statement execute function portfolio_history_is_append_only();
