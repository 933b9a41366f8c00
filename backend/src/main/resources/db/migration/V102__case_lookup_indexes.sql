-- Two lookups by case that read every row (issue 18: found with pg_stat_user_tables after 1,500 cases).
--
-- Who worked on a case (SecondReviewDraws.participants: the second reviewer must be independent) reads
-- reading_decision by case, which had an index on (decided_by, decided_at) only: each draw, each second
-- review's page and its completion scanned all the decisions ever taken, two per case (the soak: those two
-- routes slowed by 42 % and 33 % over half an hour; 0.84 → 0.13 ms at 11,000 decisions).
create index reading_decision_case on reading_decision (case_id);

-- The end of any process records when its case closed (CaseClosings): by process instance, on every
-- content_case row until now (1.2 ms per process end at 1,500 cases, growing with them). Only open cases
-- are looked up.
create index content_case_open_process on content_case (process_instance_id) where closed_at is null;
