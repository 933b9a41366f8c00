-- Disclosure that leaves the building (issue 15): each disclosure carries a signed provenance record,
-- and a content that goes out through a channel (a PDF letter, an e-mail) is delivered exactly once.

-- The signed record (JWS, compact form) and what it binds: the SHA-256 of the disclosed text in its
-- canonical form (NFC, whitespace runs as one space), the IPTC digital source type, the channel.
alter table disclosure add column channel varchar(32);
alter table disclosure add column digital_source_type varchar(128);
alter table disclosure add column content_sha256 char(64);
alter table disclosure add column provenance text;
create index disclosure_content_sha256 on disclosure (content_sha256);

-- One delivery per disclosure, whatever the retries or the crashes: (case, kind) is its idempotency
-- key, and the Message-ID is fixed before the first attempt, so a re-sent message is the same message.
-- status: TO_SEND (« à envoyer ») until the channel accepted it, then SENT.
create table delivery (
    id               bigserial    primary key,
    case_id          bigint       not null references content_case (id),
    kind             varchar(16)  not null,
    channel          varchar(32)  not null,
    status           varchar(16)  not null,
    -- who receives it: MEMBER (the member's e-mail address), MAIL_ROOM (printed and posted), PORTAL, CASE_FILE
    recipient_kind   varchar(16)  not null,
    message_id       varchar(200) not null unique,
    -- the document as sent (the letter's PDF), rendered once, so every attempt sends the same bytes
    document         bytea,
    document_sha256  char(64),
    attempts         int          not null default 0,
    last_error       text,
    last_attempt_at  timestamptz,
    sent_at          timestamptz,
    created_at       timestamptz  not null default now(),
    constraint delivery_once unique (case_id, kind)
);
create index delivery_to_send on delivery (status) where status <> 'SENT';
create index delivery_document_sha256 on delivery (document_sha256);

-- Every public key that ever signed a record, so a record stays verifiable after a key rotation.
create table provenance_key (
    kid         varchar(100) primary key,
    public_jwk  text         not null,
    created_at  timestamptz  not null default now()
);
