-- The provenance signing key made by the first start when none is configured (issue 14: a first start needs
-- TANDEM_ADMIN_PASSWORD and nothing else). One row at most; a configured key (TANDEM_PROVENANCE_SIGNING_KEY)
-- always wins over it. Whoever reads this table can sign in the insurer's name: set a key of your own from a
-- secret store for production, and this row is no longer used.
create table provenance_signing_key (
    id         smallint primary key default 1 check (id = 1),
    private_pem text not null,
    created_at timestamptz not null default now()
);
