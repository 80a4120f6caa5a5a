-- What the registry publishes for other modules' aggregate queries (monitoring, reports, commendation lists, open
-- data), read-only: no other module reads registry_model, nor spells the lifecycle's status names.
create view registry_model_facts as
select m.id, m.kind, m.subject_type, m.name, m.slug, m.field_code, m.phase, m.organization_id, m.locality_id,
       m.status, m.is_public, m.recognition_level, m.recognition_decision, m.recognition_date, m.last_result_date,
       m.measurable, m.spread_localities, m.created_at,
       case when m.status in ('RECOGNIZED', 'MAINTAINED', 'REPLICATED', 'COMMENDED') then true else false end
           as recognized,
       case when m.status = 'DRAFT' then false else true end as registered,
       case when m.status in ('DRAFT', 'REJECTED', 'DISCONTINUED') then false else true end as running,
       (select count(*) from registry_indicator i where i.model_id = m.id) as indicator_count
from registry_model m;
