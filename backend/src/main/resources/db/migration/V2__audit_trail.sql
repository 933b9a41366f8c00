-- Append-only, tamper-evident audit trail (EU AI Act record-keeping and human oversight).
-- One hash chain per case: each entry carries the hash of the previous one, so any change to a
-- past entry breaks every hash after it. The database refuses updates and deletes.
create table audit_event (
    id           bigserial primary key,
    case_id      bigint       not null,
    seq          int          not null,
    occurred_at  timestamptz  not null,
    actor        varchar(64)  not null,
    type         varchar(40)  not null,
    details      text         not null,
    prev_hash    char(64)     not null,
    hash         char(64)     not null,
    unique (case_id, seq)
);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
