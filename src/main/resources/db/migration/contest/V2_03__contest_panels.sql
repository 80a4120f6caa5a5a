-- Contest juries move to the judging module (issue 15): each round's jury (with the outlets jurors work at), entries
-- judged, conflicts and sheets become its judging panel's; the round keeps its stage, name and dates. A one-time
-- move of data between the two modules' tables, the only place the contest names judging's tables.
insert into judging_panel (kind, owner_id, template_id, deciding_method, blind, status, deadline, closed_at, version)
select 'CONTEST', id, template_id, deciding_method, blind, status, ends_on, null, 0 from contest_round;

insert into judging_member (panel_id, user_id, role, affiliation)
select p.id, j.user_id, 'MEMBER', j.outlet from contest_juror j
join judging_panel p on p.kind = 'CONTEST' and p.owner_id = j.round_id;

insert into judging_subject (panel_id, subject_id)
select p.id, e.entry_id from contest_round_entry e join judging_panel p on p.kind = 'CONTEST' and p.owner_id = e.round_id;

insert into judging_conflict (panel_id, user_id, subject_id, kind, note, declared_at)
select p.id, c.user_id, c.entry_id, c.kind, c.note, current_timestamp from contest_conflict c
join judging_panel p on p.kind = 'CONTEST' and p.owner_id = c.round_id;

insert into judging_sheet (panel_id, subject_id, user_id, saved_at, submitted_at)
select p.id, s.entry_id, s.user_id, s.saved_at, s.submitted_at from contest_sheet s
join judging_panel p on p.kind = 'CONTEST' and p.owner_id = s.round_id;

insert into judging_score (panel_id, subject_id, user_id, criterion_id, score, comment)
select p.id, s.entry_id, s.user_id, s.criterion_id, s.score, s.comment from contest_score s
join judging_panel p on p.kind = 'CONTEST' and p.owner_id = s.round_id;

drop table contest_score;
drop table contest_sheet;
drop table contest_conflict;
drop table contest_juror;
drop table contest_round_entry;
alter table contest_round drop column template_id;
alter table contest_round drop column deciding_method;
alter table contest_round drop column blind;
alter table contest_round drop column status;
