-- ShedLock: a scheduled job that must run once across the cluster takes its row here first (database time).
-- Keep in step with the other vendor's V7__scheduler_locks.sql.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
