-- The organisation as data (issue 14): entities are agencies, services and directorates in a hierarchy,
-- created and edited by administrators; people are placed in them by administrators, by the managers
-- of an entity, by a CSV import or from a claim of their OIDC token.

alter table business_entity
    add column kind        varchar(16) not null default 'AGENCY'
        check (kind in ('AGENCY', 'SERVICE', 'DIRECTORATE')),
    add column parent_code varchar(32) references business_entity (code),
    add column created_at  timestamptz not null default now(),
    add column updated_by  varchar(64) not null default 'system',
    add column updated_at  timestamptz not null default now(),
    add constraint business_entity_not_own_parent check (parent_code is null or parent_code <> code);
-- entities created before kinds existed (the demo's): agencies by their name, the others services
update business_entity set kind = 'SERVICE' where name not ilike 'agence%';
create index business_entity_parent on business_entity (parent_code);

-- Who placed a person, when and how (a manager's screen, an import, the OIDC claim, the demo).
alter table user_entity
    add column source    varchar(16) not null default 'MANUAL'
        check (source in ('MANUAL', 'IMPORT', 'OIDC', 'DEMO')),
    add column placed_by varchar(64) not null default 'system',
    add column placed_at timestamptz not null default now();
create index user_entity_entity on user_entity (entity_code, username);
