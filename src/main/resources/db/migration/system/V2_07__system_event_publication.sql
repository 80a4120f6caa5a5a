-- Spring Modulith's event publication registry: an event for another module's listener is stored in the publishing
-- transaction and removed when the listener's transaction commits (completion mode DELETE), so what is left here is
-- what is still to do (or failed and is retried at start: see system.EventRetries).
create table event_publication (
    id                     uuid primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       ${long_text} not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_by_completion_date on event_publication (completion_date);
