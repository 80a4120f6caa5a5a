-- Citizen accounts linked to the national e-ID (OpenID Connect). The personal identification number is never
-- stored: subject_hash is an HMAC of it under the installation's key (setting eid.hash-key), unique, so one person
-- has one linked account. Kept besides: the provider, the assurance level of the last login, when linked and when
-- last logged in.
create table citizen_eid (
    user_id         bigint      not null primary key references app_user (id) on delete cascade,
    subject_hash    varchar(64) not null unique,
    provider        varchar(40) not null,
    assurance_level integer     not null,
    linked_at       timestamp with time zone not null,
    last_login_at   timestamp with time zone not null
);
