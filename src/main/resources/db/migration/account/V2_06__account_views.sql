-- What the account module publishes for other modules' queries (who a user is), read-only: no other module reads
-- app_user (nor its password hash).
create view account_directory as
select u.id, u.username, u.full_name, u.full_name_folded, u.organization_id, u.enabled from app_user u;
