-- The comfort survey is asked after some cases only: one in survey_one_in of an experiment's
-- cases, drawn from the case id (so the same case is always asked, or never).
alter table genai_project add column survey_one_in integer not null default 5
    check (survey_one_in between 1 and 100);
