-- A poll for verified accounts may ask for the national e-ID at a given assurance level or above (null: a verified
-- e-mail address or the e-ID both do).
alter table poll add column eid_level integer;
