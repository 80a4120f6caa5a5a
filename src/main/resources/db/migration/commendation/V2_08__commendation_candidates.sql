-- The commendation module's own register of models eligible for commendation: a row per model recognized, written
-- by the listener of the registry's ModelRecognized / ModelsImported events, with the decision that made it eligible.
-- The conference page lists candidates from here (minus those already nominated, and those the registry no longer
-- counts as recognized, e.g. discontinued).
create table commendation_candidate (
    model_id        bigint primary key,
    level           varchar(10),
    decision_number varchar(60),
    decision_date   date,
    recorded_at     timestamp with time zone not null
);
create index commendation_candidate_by_date on commendation_candidate (decision_date desc, model_id);

-- Models recognized before this register existed.
insert into commendation_candidate (model_id, level, decision_number, decision_date, recorded_at)
select id, recognition_level, recognition_decision, recognition_date, current_timestamp
from registry_model_facts where recognized;
