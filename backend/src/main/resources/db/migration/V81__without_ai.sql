-- « Sans IA » (issue 19, proposal 15 of the employee convention): an adviser may file a request to be
-- written by hand, with an optional reason. Such a case skips the AI step, is counted apart in the
-- experiment's figures (never in the pilot, never in the control group) and says so on its page.
alter table content_case add column without_ai boolean not null default false;
alter table content_case add column without_ai_reason varchar(300);
