-- The knowledge base the AI drafts from (proposal 37): documents with an owner and a review date,
-- cut into passages that PostgreSQL's french full-text search ranks and an in-process embedding
-- model re-ranks. A re-ingested document has its passages replaced in one transaction.
create table knowledge_document (
    id                    bigserial primary key,
    collection            varchar(64)  not null,
    reference             varchar(64)  not null unique,
    title                 varchar(200) not null,
    body                  text         not null,
    -- the user who answers for the content and receives the review task, and their group
    owner                 varchar(64)  not null,
    owner_group           varchar(64)  not null,
    last_reviewed         date         not null,
    review_interval_days  int          not null check (review_interval_days > 0),
    last_reviewed_by      varchar(64),
    -- raised by every change of the content and by every completed review
    version               int          not null default 1,
    updated_at            timestamptz  not null default now(),
    updated_by            varchar(64)  not null
);
create index knowledge_document_collection on knowledge_document (collection);

create table knowledge_passage (
    id           bigserial primary key,
    document_id  bigint not null references knowledge_document (id) on delete cascade,
    ordinal      int    not null,
    heading      varchar(300),
    text         text   not null,
    -- the heading weighs more than the body (ts_rank_cd weights A and B)
    tsv          tsvector generated always as (
                     setweight(to_tsvector('french', coalesce(heading, '')), 'A')
                     || setweight(to_tsvector('french', text), 'B')) stored,
    -- unit-length vector of the embedding model (bge-small-en-v1.5, 384 floats); null when the
    -- model was unavailable at ingestion: the passage is then ranked by full-text search alone
    embedding    real[],
    unique (document_id, ordinal)
);
create index knowledge_passage_tsv on knowledge_passage using gin (tsv);
