-- Answers to requests sent with an Idempotency-Key, so that a retry gets the first answer and
-- changes nothing, also after a restart.
create table if not exists idempotency_record (
    record_key    varchar(200)  not null primary key,
    request_hash  varchar(64)   not null,
    status        int           not null,
    content_type  varchar(200),
    location      varchar(1000),
    etag          varchar(100),
    body          bytea,
    created_at    timestamp with time zone not null
);
create index if not exists idempotency_created_idx on idempotency_record (created_at);
-- An in-progress record is leased to one attempt: a record whose request died with the process is
-- taken over by a retry once its lease has run out (IdempotencyFilter). The command's own transaction
-- marks the record committed (status 1), so a retry never runs a committed command again.
alter table idempotency_record add column if not exists attempt varchar(36);
alter table idempotency_record add column if not exists lease_until timestamp with time zone;
