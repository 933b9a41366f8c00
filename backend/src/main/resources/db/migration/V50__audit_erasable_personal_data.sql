-- Audit entries that can lose their personal data and keep verifying (issue 16). From now on an
-- entry's personal content (the member's message, a draft, an edited text, a reason…) is kept apart
-- in `personal` (JSON with a random nonce), its SHA-256 in `personal_sha256`, and the entry's hash
-- covers that digest instead of the clear text (hash_version 2). Erasing sets `personal` to null and
-- `erased_at`: the chain still verifies, the nonce is gone so the digest cannot be tested against a
-- guessed text, and any other change breaks the chain as before.
-- Entries written before (hash_version 1) hold their personal data in `details`: an erasure replaces
-- those details by {"erased":true}; such an entry is then verified by its links only.
alter table audit_event
    add column hash_version    smallint    not null default 1,
    add column personal        text,
    add column personal_sha256 char(64),
    add column erased_at       timestamptz;
alter table audit_event alter column hash_version set default 2;
alter table audit_event add constraint audit_event_personal_digest
    check (personal is null or personal_sha256 is not null);

-- Still append-only: the one update allowed is the erasure of an entry's personal data, once.
create or replace function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
            and old.erased_at is null and new.erased_at is not null
            and new.personal is null
            and new.id = old.id and new.case_id = old.case_id and new.seq = old.seq
            and new.occurred_at = old.occurred_at and new.actor = old.actor and new.type = old.type
            and new.prev_hash = old.prev_hash and new.hash = old.hash and new.hash_version = old.hash_version
            and new.personal_sha256 is not distinct from old.personal_sha256
            and (new.details = old.details or old.hash_version = 1 and new.details = '{"erased":true}') then
        return new;
    end if;
    raise exception 'audit_event is append-only';
end $$;
