-- Tasks of a suspended process instance (Cockpit) stay in the list, marked, and cannot be worked
-- until the instance is activated again (org.tandem.inbox.InboxSuspension keeps the flag).
alter table inbox_task add column suspended boolean not null default false;
