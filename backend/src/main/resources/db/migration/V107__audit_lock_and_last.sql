-- An append to a case's audit chain took three statements: the case's advisory lock, its last entry, then the insert
-- (issue 18: eight appends per content case). The first two are now one call. The function takes the lock, then reads
-- the last entry: under READ COMMITTED each statement of a volatile function takes its own snapshot, so the read sees
-- what the lock's previous holder committed, as the separate select did.
create function audit_lock_last(p_case_id bigint) returns setof audit_event
    language plpgsql volatile as $$
begin
    perform pg_advisory_xact_lock(7263, cast(p_case_id % 2147483647 as int));
    return query select * from audit_event where case_id = p_case_id order by seq desc limit 1;
end $$;
