-- The example subscriber's own tables, in its own schema: its tracking token and its read model.
-- Nothing here touches the ledger's tables (domain_event_entry is only read).
create schema if not exists example_subscriber;

create table if not exists example_subscriber.token_entry (
    processor_name varchar(255) not null,
    segment integer not null,
    token bytea,
    token_type varchar(255),
    timestamp varchar(255),
    owner varchar(255),
    primary key (processor_name, segment)
);

create table if not exists example_subscriber.assigned_task (
    task_id varchar(64) primary key,
    conference_id varchar(64) not null,
    lead_unit_code varchar(64) not null,
    title text,
    due_date date
);

create table if not exists example_subscriber.overdue_task (
    task_id varchar(64) primary key,
    conference_id varchar(64) not null,
    unit_code varchar(64) not null,
    due_date date
);

create table if not exists example_subscriber.event_tally (
    event_type varchar(255) primary key,
    events bigint not null
);
