-- Every pre-prompt a use case has had. A changed pre-prompt in processes/use-cases/ becomes a new
-- version at start-up; running cases keep the version they started with.
create table prompt_version (
    use_case_key  varchar(64)  not null,
    version       int          not null,
    sha256        char(64)     not null,
    pre_prompt    text         not null,
    created_at    timestamptz  not null default now(),
    primary key (use_case_key, version),
    unique (use_case_key, sha256)
);
