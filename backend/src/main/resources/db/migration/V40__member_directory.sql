-- Members come from a directory (MemberDirectory): Tandem's own table (filled by the CSV import of a
-- pilot, or by the demo) or the insurer's member system over HTTP. With the HTTP directory this table
-- keeps the copy of each member a case was opened for: the case, its pseudonymiser and its case file
-- read the copy, so they never call the member system again.
alter table member
    add column origin varchar(16) not null default 'seeded'
        check (origin in ('seeded', 'csv', 'http')),
    -- when the row was last imported (csv) or copied from the member system (http)
    add column updated_at timestamptz;
