-- What the locality module publishes for other modules' queries (names, places, scope trees), read-only: no other
-- module reads administrative_unit or organization directly (an architecture test checks it).
create view unit_directory as
select u.id, u.code, u.name, u.name_folded, u.sort_key, u.type, u.parent_id, u.valid_from, u.valid_to
from administrative_unit u;

-- An organization with its unit's name and code, and the commune it sits in (null for a province-level unit).
create view organization_directory as
select o.id, o.name, o.name_folded, o.sort_key, o.type_code, o.locality_id, o.parent_id, o.active,
       u.name as locality_name, u.code as locality_code, u.sort_key as locality_sort_key,
       case when u.parent_id is null then null else u.id end as commune_id
from organization o join administrative_unit u on u.id = o.locality_id;

-- Every organization under each organization (itself included, three levels below it at most), for scopes "this
-- organization and below". Not recursive, so a condition on ancestor_id reaches each branch's index.
create view organization_subtree (ancestor_id, organization_id) as
select id, id from organization
union all
select parent_id, id from organization where parent_id is not null
union all
select p.parent_id, c.id from organization c join organization p on c.parent_id = p.id where p.parent_id is not null
union all
select g.parent_id, c.id from organization c join organization p on c.parent_id = p.id
    join organization g on p.parent_id = g.id where g.parent_id is not null;

-- Every unit under each unit (itself included: province, former district, commune), for scopes "this commune" and
-- "this province". Not recursive, for the same reason.
create view unit_subtree (ancestor_id, unit_id) as
select id, id from administrative_unit
union all
select parent_id, id from administrative_unit where parent_id is not null
union all
select p.parent_id, c.id from administrative_unit c join administrative_unit p on c.parent_id = p.id
    where p.parent_id is not null;
