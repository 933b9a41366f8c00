-- What the AI step is given beside the prompt, kept as a snapshot: the knowledge passages (a later
-- edit of a document does not change what a draft was based on) and the injection flags found in
-- the untrusted texts. Drafts keep the sources they used, the guardrails' report, and how many
-- personal values were hidden from the provider (a count, never a value).
alter table case_context
    add column passages        jsonb not null default '[]'::jsonb,
    add column injection_flags jsonb not null default '[]'::jsonb;

alter table draft
    add column sources              jsonb not null default '[]'::jsonb,
    add column guardrails           jsonb,
    add column pseudonymised_values int;

-- The AMI assistant answers an adviser's question about the rules: no member is concerned.
alter table content_case alter column member_id drop not null;
