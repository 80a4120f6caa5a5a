-- Press kit (issue 8): exemplars the committee recommends to the press. Keep in step with the other vendor's
-- V13__press_kit.sql.
create table press_recommendation (
    model_id       bigint       primary key references registry_model (id) on delete cascade,
    note           varchar(500),
    recommended_by varchar(60)  not null,
    recommended_at timestamp with time zone not null
);
