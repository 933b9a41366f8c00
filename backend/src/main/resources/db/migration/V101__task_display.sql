-- The full display of a task's text and sources, per person (against rubber-stamping, see DraftDisplays):
-- kept in Tandem's table instead of a task-local engine variable (issue 18: each report wrote three engine
-- rows, its history and a task update; each decision read it back twice). Rows live while the task does.
create table task_display (
    task_id        varchar(64)  not null,
    username       varchar(255) not null,
    time_spent_ms  bigint       not null,
    recorded_at    timestamptz  not null default now(),
    primary key (task_id, username)
);

-- an upgrade keeps the displays already reported on open tasks (no engine tables yet on a new database)
do $$
begin
    if to_regclass('act_ru_variable') is not null then
        insert into task_display (task_id, username, time_spent_ms)
        select task_id_, substr(name_, length('displayedMs_') + 1), long_
        from act_ru_variable
        where task_id_ is not null and name_ like 'displayedMs\_%' and long_ is not null
        on conflict do nothing;
    end if;
end $$;
