-- A document's owner may retire it from its review task: it stays readable (drafts that cited it
-- still open it) but is no longer retrieved, listed as stale nor reviewed. Editing it brings it back.
alter table knowledge_document
    add column retired_at timestamptz,
    add column retired_by varchar(64);

-- Each completed review of a document: what its owner decided, and why. The engine's history says who
-- completed the task; this table keeps the decision and its comment beside the document (process
-- variables hold the decision's flag only).
create table knowledge_review (
    id                bigserial primary key,
    document_id       bigint       not null references knowledge_document (id) on delete cascade,
    task_id           varchar(64)  not null unique,
    decision          varchar(16)  not null check (decision in ('CONFIRM', 'UPDATE', 'RETIRE')),
    comment           text,
    decided_by        varchar(64)  not null,
    decided_at        timestamptz  not null default now(),
    -- the document's version once the decision applied
    document_version  int          not null
);
create index knowledge_review_document on knowledge_review (document_id, decided_at desc);
