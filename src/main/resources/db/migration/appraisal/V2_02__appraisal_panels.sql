-- Appraisal councils move to the judging module (issue 15): each round's council, models, conflicts and sheets become
-- its judging panel's; the round keeps what appraisal owns (name, level, phase, threshold, decisions per model).
-- A one-time move of data between the two modules' tables, the only place appraisal names judging's tables.
insert into judging_panel (kind, owner_id, template_id, deciding_method, blind, status, deadline, closed_at, version)
select 'APPRAISAL', id, template_id, deciding_method, blind, status, deadline, closed_at, version from appraisal_round;

insert into judging_member (panel_id, user_id, role, affiliation)
select p.id, m.user_id, m.role, null from appraisal_member m
join judging_panel p on p.kind = 'APPRAISAL' and p.owner_id = m.round_id;

insert into judging_subject (panel_id, subject_id)
select p.id, e.model_id from appraisal_entry e join judging_panel p on p.kind = 'APPRAISAL' and p.owner_id = e.round_id;

insert into judging_conflict (panel_id, user_id, subject_id, kind, note, declared_at)
select p.id, c.user_id, c.model_id, c.kind, c.note, c.declared_at from appraisal_conflict c
join judging_panel p on p.kind = 'APPRAISAL' and p.owner_id = c.round_id;

insert into judging_sheet (panel_id, subject_id, user_id, saved_at, submitted_at)
select p.id, s.model_id, s.user_id, s.saved_at, s.submitted_at from appraisal_sheet s
join judging_panel p on p.kind = 'APPRAISAL' and p.owner_id = s.round_id;

insert into judging_score (panel_id, subject_id, user_id, criterion_id, score, comment)
select p.id, s.model_id, s.user_id, s.criterion_id, s.score, s.comment from appraisal_score s
join judging_panel p on p.kind = 'APPRAISAL' and p.owner_id = s.round_id;

drop table appraisal_score;
drop table appraisal_sheet;
drop table appraisal_conflict;
drop table appraisal_member;
alter table appraisal_round drop column template_id;
alter table appraisal_round drop column deciding_method;
alter table appraisal_round drop column blind;
alter table appraisal_round drop column status;
alter table appraisal_round drop column closed_at;
alter table appraisal_round drop column deadline;
