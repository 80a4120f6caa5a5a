-- Certificates are entered in the conference's register (số vào sổ) when a nomination is accepted: the number is
-- stored so that a certificate printed again, or after another acceptance, keeps its number. Keep in step with the
-- other vendor's V10__certificate_numbers.sql.
alter table nomination add column certificate_number integer;

update nomination set certificate_number = (select count(*) from nomination m
    where m.conference_id = nomination.conference_id and m.status = 'ACCEPTED' and m.id <= nomination.id)
where status = 'ACCEPTED';

create unique index uq_nomination_certificate on nomination (conference_id, certificate_number);
