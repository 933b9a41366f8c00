-- The task lists read inbox_task's open rows through partial indexes; a task's claim and completion leave dead
-- entries there until a vacuum. By default a table is vacuumed after a fifth of its rows died, and completed tasks
-- stay in this table as history: the longer Tandem runs, the more dead entries each list reads between vacuums
-- (issue 18's soak: 2,246 entries read for 6 open tasks after half an hour, 3 ms instead of 0.1 — the lists' p95
-- crept). A vacuum after each thousand dead rows keeps that bound whatever the history.
alter table inbox_task set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
