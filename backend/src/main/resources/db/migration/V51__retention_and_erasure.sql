-- Retention and erasure of personal data (issue 16).
-- When a case's process ended (set by the engine's history event), and when its personal data were
-- erased (its texts blanked, its member unlinked): the retention job erases cases whose use case's
-- `retention:` period has passed since closed_at.
alter table content_case
    add column closed_at timestamptz,
    add column erased_at timestamptz;
create index content_case_retention on content_case (use_case_key, closed_at) where erased_at is null;

-- Cases closed before this migration: their end as the engine recorded it (the engine's tables exist
-- unless the database is new).
do $$
begin
    if to_regclass('act_hi_procinst') is not null then
        execute 'update content_case c set closed_at = p.end_time_
                 from act_hi_procinst p
                 where p.id_ = c.process_instance_id and p.end_time_ is not null';
    end if;
end $$;

-- Each erasure, kept as the proof that it was done (GDPR art. 5(2) and 12): on a member's request
-- (the member's number, the data protection officer and the reason), or by the retention job.
create table erasure (
    id            bigserial    primary key,
    kind          varchar(16)  not null check (kind in ('REQUEST', 'RETENTION')),
    member_id     varchar(32),
    reason        text         not null,
    requested_by  varchar(64)  not null,
    erased_at     timestamptz  not null,
    case_ids      bigint[]     not null,
    counts        jsonb        not null,
    check (kind = 'RETENTION' or member_id is not null)
);
create index erasure_erased_at on erasure (erased_at desc);
