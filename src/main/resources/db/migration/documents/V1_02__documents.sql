-- Baseline of the documents module: its tables as they stood after the migrations V1–V13 (squashed into one file
-- per module, statements in their original order). One set for H2 and PostgreSQL; ${collate_c} is the C collation on
-- PostgreSQL and empty on H2 (see system/MigrationSettings).

create table staged_upload (
    id         varchar(36)  primary key,
    purpose    varchar(40)  not null,
    owner      varchar(60)  not null,
    filename   varchar(255) not null,
    content    bytea        not null,
    size_bytes bigint       not null,
    created_at timestamp with time zone not null
);

create index ix_staged_upload_created_at on staged_upload (created_at);
