-- Failed logins, per user name and per client address, shared by every node: the rate limit holds
-- for the cluster, not per node. Rows older than the window are deleted as new failures arrive.
create table login_failure (
    id          bigserial primary key,
    kind        varchar(8)   not null check (kind in ('USER', 'IP')),
    subject     varchar(256) not null,
    failed_at   timestamptz  not null default now()
);
create index login_failure_subject on login_failure (kind, subject, failed_at);

-- Standing authorisations of unattended chatbot answers, written by Tandem in the same transaction
-- as the AI referent's task completion. The engine's variables alone are not proof: its REST API
-- can complete a task and set any variable.
create table unattended_authorization (
    task_id         varchar(64)  primary key,
    prompt_version  varchar(128) not null,
    authorized      boolean      not null,
    decided_by      varchar(256) not null,
    decided_at      timestamptz  not null default now()
);
create index unattended_authorization_version on unattended_authorization (prompt_version);
