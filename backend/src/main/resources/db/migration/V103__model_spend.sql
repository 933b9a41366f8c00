-- What each use case's model calls spent per calendar month (Paris time), kept by the database as calls are
-- recorded (or, in tests, removed): the AI budget reads one row before each AI step instead of summing every
-- call of the month, a sum that grew with each call until the month ended (issue 18).
create table model_spend (
    use_case_key varchar(64)    not null,
    month        date           not null,
    tokens       bigint         not null,
    euros        numeric(20, 8) not null,
    primary key (use_case_key, month)
);

insert into model_spend (use_case_key, month, tokens, euros)
select use_case_key, date_trunc('month', created_at at time zone 'Europe/Paris')::date,
       sum(coalesce(input_tokens, 0) + coalesce(output_tokens, 0)), coalesce(sum(cost_eur), 0)
from model_call
group by 1, 2;

create function model_spend_follow() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update model_spend
        set tokens = tokens - (coalesce(old.input_tokens, 0) + coalesce(old.output_tokens, 0)),
            euros = euros - coalesce(old.cost_eur, 0)
        where use_case_key = old.use_case_key
          and month = date_trunc('month', old.created_at at time zone 'Europe/Paris')::date;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into model_spend (use_case_key, month, tokens, euros)
        values (new.use_case_key, date_trunc('month', new.created_at at time zone 'Europe/Paris')::date,
                coalesce(new.input_tokens, 0) + coalesce(new.output_tokens, 0), coalesce(new.cost_eur, 0))
        on conflict (use_case_key, month) do update
            set tokens = model_spend.tokens + excluded.tokens, euros = model_spend.euros + excluded.euros;
    end if;
    return null;
end $$;

create trigger model_call_spend
    after insert or delete or update of use_case_key, created_at, input_tokens, output_tokens, cost_eur
    on model_call
    for each row execute function model_spend_follow();
