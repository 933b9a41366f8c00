-- P4 (issue 18): the task list's default order, newest first (created_at desc, task_id desc), had no
-- index that yields it: with 100,000 open tasks visible, each page sorted them all (≈ 400 ms). A
-- backward scan of this index gives that order and the home's oldest-first one (created_at, task_id),
-- stopping at the page; it replaces the index whose mixed directions (created_at desc, task_id asc)
-- neither query could use.
create index inbox_task_open_created_asc on inbox_task (created_at, task_id) where status = 'OPEN';
drop index inbox_task_open_created;
