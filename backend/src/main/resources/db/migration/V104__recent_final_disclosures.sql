-- The second review's routine sweep reads the final disclosures of the last minutes (issue 18): by this index,
-- its cost follows the flow of cases, not the history.
create index disclosure_final_disclosed_at on disclosure (disclosed_at) where kind = 'FINAL';
