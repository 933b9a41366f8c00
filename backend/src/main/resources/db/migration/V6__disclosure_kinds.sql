-- A chatbot case may disclose twice: the AI's answer, then an adviser's after a hand-off.
-- The idempotency key becomes (case, kind): each kind of disclosure still happens once.
alter table disclosure drop constraint disclosure_pkey;
alter table disclosure add column id bigserial primary key;
alter table disclosure add column kind varchar(16) not null default 'FINAL';
alter table disclosure add constraint disclosure_once unique (case_id, kind);
