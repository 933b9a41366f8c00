-- The task list's GIN indexes (candidate groups and users) took new entries into a pending list
-- that every query scans until a vacuum merges it: with 100,000 open tasks filed in a burst, the
-- task list's page went from 7 ms to 17-23 ms of SQL (scripts/bench-tasklist.sh). Entries now go
-- straight into the index; the few tasks a minute an insurer creates pay a little more per insert.
alter index inbox_task_open_groups set (fastupdate = off);
alter index inbox_task_open_users set (fastupdate = off);
select gin_clean_pending_list('inbox_task_open_groups'::regclass);
select gin_clean_pending_list('inbox_task_open_users'::regclass);
