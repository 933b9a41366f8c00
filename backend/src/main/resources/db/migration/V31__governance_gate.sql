-- The governance gate (issue 14): outside the demo a use case no project governs is off. An administrator
-- may open one without a project; each opening and each closing is kept, with who, when and why, and the
-- openings are listed on the public transparency page.
create table use_case_opening (
    id            bigserial    primary key,
    use_case_key  varchar(64)  not null,
    reason        text         not null,
    opened_by     varchar(64)  not null,
    opened_at     timestamptz  not null default now(),
    closed_by     varchar(64),
    closed_at     timestamptz,
    close_reason  text,
    check ((closed_at is null) = (closed_by is null)),
    check ((closed_at is null) = (close_reason is null))
);
-- at most one opening in force per use case
create unique index use_case_opening_in_force on use_case_opening (use_case_key) where closed_at is null;
create index use_case_opening_history on use_case_opening (use_case_key, opened_at);

-- an opening is never deleted, and once closed it is never changed again
create function use_case_opening_is_kept() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.closed_at is not null
            or new.use_case_key <> old.use_case_key or new.reason <> old.reason
            or new.opened_by <> old.opened_by or new.opened_at <> old.opened_at then
        raise exception 'use_case_opening keeps its history: close an opening, never change or delete it';
    end if;
    return new;
end $$;
create trigger use_case_opening_kept
    before update or delete on use_case_opening
    for each row execute function use_case_opening_is_kept();
