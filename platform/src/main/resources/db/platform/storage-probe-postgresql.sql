-- One row, written by the storage health probe: can the database take a write now?
create table if not exists storage_probe (
    id         int not null primary key,
    probed_at  timestamp with time zone not null
);
