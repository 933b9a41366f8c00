-- Field extraction (e.g. a relevé d'information into a JSON schema): one row per field of the
-- use case's schema, with the AI's value, where it was found in the document, and the person's
-- decision. Only verified or corrected values are then recorded in extracted_record.

create table extraction_field (
    case_id       bigint       not null references content_case (id),
    name          varchar(64)  not null,
    label         varchar(200) not null,
    field_type    varchar(16)  not null,
    ai_value      text,
    source_start  int,
    source_end    int,
    value         text,
    status        varchar(16)  not null default 'PENDING'
                  check (status in ('PENDING', 'VERIFIED', 'CORRECTED', 'ABSENT')),
    verified_by   varchar(64),
    verified_at   timestamptz,
    position      int          not null,
    primary key (case_id, name),
    check ((source_start is null) = (source_end is null)),
    check (status = 'PENDING' or verified_by is not null)
);

create table extracted_record (
    case_id      bigint       not null references content_case (id),
    name         varchar(64)  not null,
    value        text         not null,
    verified_by  varchar(64)  not null,
    recorded_at  timestamptz  not null default now(),
    primary key (case_id, name)
);
