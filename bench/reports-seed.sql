-- Data of bench/reports.sh (issue 7): organizations, models and a planning year's paperwork at the scale the issue
-- names, written straight into PostgreSQL with set-based inserts (a few seconds, where the API would take minutes).
-- Needs the schema (Flyway's V1..V11) and the communes already there (bench/reports.sh imports them through the
-- API); meant for a fresh database: it numbers what it creates after whatever ids exist, but takes every active
-- commune and organization type it finds.
--
-- Usage: psql -v ON_ERROR_STOP=1 -v orgs=5000 -v models=100000 -f bench/reports-seed.sql DATABASE
--   orgs (default 5000), models (default 100000), nominations (default 800) and asof (the data's "today",
--   default 2026-11-20) can be set with -v; small values make a quick check of the script itself.
--
-- Everything "random" comes from a hash of the row number (pg_temp.rnd), so two runs give the same data and one
-- row's facts stay consistent however often they are read. Nothing is left behind but the rows: the helper
-- functions and working tables are temporary.

\set ON_ERROR_STOP 1
\if :{?orgs}
\else
\set orgs 5000
\endif
\if :{?models}
\else
\set models 100000
\endif
\if :{?nominations}
\else
\set nominations 800
\endif
\if :{?asof}
\else
\set asof 2026-11-20
\endif

-- Dates below are the province's (Vietnam, UTC+7), whatever the server's time zone.
set time zone 'Asia/Ho_Chi_Minh';
begin;

-- A uniform number in [0, 1) for row n and stream k.
create function pg_temp.rnd(n bigint, k integer) returns double precision language sql immutable as
$$ select ((hashint8extended(n, k) >> 12) & 1048575)::double precision / 1048576 $$;

-- Folded text as VietnameseText.fold gives it for the names used here: lower case, no diacritics, "đ" as "d",
-- en dash as "-". (lower() alone would not do: under the C locale it only lowers ASCII, hence the upper-case
-- letters in the table.)
create function pg_temp.fold(t text) returns text language sql immutable as $$
  select lower(translate(t,
    'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ–',
    'aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyaaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy-'))
$$;

-- The URL slug Models.slug would give: folded, runs of anything else as "-", at most 100 characters.
create function pg_temp.slug(t text) returns text language sql immutable as $$
  select left(trim(both '-' from regexp_replace(pg_temp.fold(t), '[^a-z0-9]+', '-', 'g')), 100)
$$;

-- --- what exists already: communes (from the import), organization types, catalogue codes ------------------------
create temp table seed_commune on commit drop as
select row_number() over (order by code) as n, id, name
from administrative_unit
where type in ('COMMUNE', 'WARD', 'SPECIAL_ZONE') and valid_to is null;
create unique index on seed_commune (n);
create unique index on seed_commune (id);

create temp table seed_type on commit drop as
select row_number() over (order by sort_order, code) - 1 as t, code, name_vi from organization_type where active;

select (select count(*) from seed_commune) as communes,
       (select count(*) from seed_type) as types,
       (select array_agg(code order by sort_order, code) from registry_catalogue where list_kind = 'FIELD' and active)
         as fields,
       (select count(*) from registry_catalogue where list_kind = 'FIELD' and active) as nfields,
       (select array_agg(code order by sort_order, code) from registry_catalogue where list_kind = 'FOCUS_AREA' and active)
         as focus,
       (select count(*) from registry_catalogue where list_kind = 'FOCUS_AREA' and active) as nfocus,
       (select coalesce(max(id), 0) from organization) as org_base,
       (select coalesce(max(id), 0) from registry_model) as model_base,
       (select coalesce(max(id), 0) from period_report) as report_base,
       (select coalesce(max(id), 0) from unit_plan) as plan_base
\gset

do $$ begin
  if not exists (select 1 from seed_commune) then
    raise exception 'no communes in administrative_unit: import them first (bench/reports.sh does)';
  end if;
end $$;

-- --- organizations ----------------------------------------------------------------------------------------------
-- Organization g sits in commune ((g - 1) mod C) + 1: every commune gets one before any gets a second. Its type
-- moves on by one with each round over the communes, so two organizations of one commune never share a type (and
-- so never a name: (name_folded, locality_id) is unique) while rounds < types. 2 % are inactive.
-- sort_key: the application stores a hex ICU collation key (VietnameseCollation); the folded name orders the
-- seeded organizations the same way for these ASCII-after-folding names and is what SQL can compute.
insert into organization (id, name, name_folded, sort_key, type_code, locality_id, email, phone, active, version,
                          created_at, updated_at)
select :org_base + g, x.name, pg_temp.fold(x.name), pg_temp.fold(x.name), t.code, c.id,
       case when g % 3 = 0 then format('donvi%s@example.vn', g) end,
       case when g % 4 = 0 then format('0%s', 200000000 + g) end,
       g % 50 <> 0, 0, x.at, x.at
from generate_series(1, :orgs) g
join seed_commune c on c.n = (g - 1) % :communes + 1
join seed_type t on t.t = ((g - 1) / :communes + (g - 1) % :communes) % :types
cross join lateral (select t.name_vi || ' ' || c.name as name,
                           timestamptz '2020-06-01 08:00+07' + (g % 900) * interval '1 hour' as at) x;
select setval(pg_get_serial_sequence('organization', 'id'), (select max(id) from organization)) as org_seq \gset

create temp table seed_org on commit drop as
select o.id - :org_base as n, o.id, o.locality_id, o.name, o.active
from organization o where o.id > :org_base;
create unique index on seed_org (n);

-- --- models -----------------------------------------------------------------------------------------------------
-- Every fact of model g computed once, here, and reused below (tags, history, report figures). Ids follow
-- creation time, as in the application, so a replica points to a lower id and an earlier model.
-- Status mix: DRAFT 5 %, SUBMITTED 10 %, RETURNED 3 %, UNDER_APPRAISAL 7 %, RECOGNIZED 38 %, MAINTAINED 15 %,
-- REPLICATED 8 %, COMMENDED 5 %, REJECTED 5 %, DISCONTINUED 4 % (66 % in a recognized state).
create temp table seed_model on commit drop as
with base as (
  select g, :model_base + g as id,
         -- created_at: 2021-01-01 .. as of, in id order with a little jitter
         timestamptz '2021-01-01 07:30+07'
           + ((g - 1 + pg_temp.rnd(g, 2)) / :models) * (timestamptz :'asof' + interval '17 hours' - timestamptz '2021-01-01 07:30+07')
           as created_at,
         pg_temp.rnd(g, 1) as rs,
         case when pg_temp.rnd(g, 11) < 0.15 then 'EXEMPLAR' else 'MODEL' end as kind,
         1 + floor(power(pg_temp.rnd(g, 14), 1.3) * :orgs)::int as org_n,
         (:'fields'::text[])[1 + floor(power(pg_temp.rnd(g, 13), 1.4) * :nfields)::int] as field_code
  from generate_series(1, :models) g
), facts as (
  select b.*,
         case when b.rs < 0.05 then 'DRAFT' when b.rs < 0.15 then 'SUBMITTED' when b.rs < 0.18 then 'RETURNED'
              when b.rs < 0.25 then 'UNDER_APPRAISAL' when b.rs < 0.63 then 'RECOGNIZED'
              when b.rs < 0.78 then 'MAINTAINED' when b.rs < 0.86 then 'REPLICATED'
              when b.rs < 0.91 then 'COMMENDED' when b.rs < 0.96 then 'REJECTED' else 'DISCONTINUED' end as status,
         (b.created_at at time zone 'Asia/Ho_Chi_Minh')::date as created_on
  from base b
)
select f.g, f.id, f.kind,
       case when f.kind = 'EXEMPLAR' and pg_temp.rnd(f.g, 12) < 0.6 then 'INDIVIDUAL'
            when f.kind = 'MODEL' and pg_temp.rnd(f.g, 12) < 0.05 then 'INDIVIDUAL' else 'COLLECTIVE' end as subject_type,
       f.field_code, o.id as organization_id,
       -- mostly in the organization's own commune, 10 % elsewhere
       case when pg_temp.rnd(f.g, 15) < 0.9 then o.locality_id
            else (select c.id from seed_commune c where c.n = 1 + floor(pg_temp.rnd(f.g, 16) * :communes)::int) end
         as locality_id,
       f.created_at, f.created_on,
       greatest(2021, extract(year from f.created_on)::int - case when pg_temp.rnd(f.g, 3) < 0.3 then 1 else 0 end)
         as start_year,
       f.status,
       f.status in ('RECOGNIZED', 'MAINTAINED', 'REPLICATED', 'COMMENDED') as recognized,
       -- 15 % are replicas of an earlier model
       case when f.g > 10 and pg_temp.rnd(f.g, 6) < 0.15
            then :model_base + 1 + floor(pg_temp.rnd(f.g, 7) * (f.g - 1))::bigint end as replica_of,
       pg_temp.rnd(f.g, 8) < 0.7 as measurable,
       floor(pg_temp.rnd(f.g, 17) * 20)::int as theme
from facts f
join seed_org o on o.n = f.org_n;

alter table seed_model add column recognition_level varchar(10), add column recognition_decision varchar(60),
  add column recognition_date date, add column last_result_date date;
-- Recognized 20 .. 420 days after registration (never after "today"); levels commune 60 %, province 35 %,
-- central 5 %. Result updates for 75 % of the recognized: the latest somewhere in the last 24 months, never
-- before recognition; the rest have none (what the lagging list looks for).
update seed_model s set
  recognition_date = least(s.created_on + 20 + floor(pg_temp.rnd(s.g, 4) * 400)::int, date :'asof'),
  recognition_level = case when pg_temp.rnd(s.g, 5) < 0.6 then 'COMMUNE'
                           when pg_temp.rnd(s.g, 5) < 0.95 then 'PROVINCE' else 'CENTRAL' end
where s.recognized;
update seed_model s set
  recognition_decision = format('%s/QĐ-%s', 1 + s.g % 2997,
                                case s.recognition_level when 'COMMUNE' then 'UBND' when 'PROVINCE' then 'UBND'
                                                         else 'BDVTW' end),
  last_result_date = case when pg_temp.rnd(s.g, 9) < 0.75 then
      greatest(s.recognition_date, date :'asof' - 730)
      + floor(pg_temp.rnd(s.g, 10) * (date :'asof' - greatest(s.recognition_date, date :'asof' - 730) + 1))::int end
where s.recognized;
create unique index on seed_model (id);

-- Names: a theme of the movement and the place, e.g. "Thu gom, phân loại rác thải tại nguồn – Xã Thử Nghiệm 42".
create temp table seed_theme (theme integer primary key, name text) on commit drop;
insert into seed_theme values
  (0, 'Thu gom, phân loại rác thải tại nguồn'), (1, 'Hiến đất làm đường giao thông nông thôn'),
  (2, 'Camera an ninh tự quản'), (3, 'Tổ hòa giải ở cơ sở'), (4, 'Khuyến học, khuyến tài dòng họ'),
  (5, 'Vườn rau an toàn cho bữa ăn bán trú'), (6, 'Nhà tình nghĩa, nhà đại đoàn kết'),
  (7, 'Đối thoại với Nhân dân mỗi tháng'), (8, 'Chuyển đổi số trong thủ tục hành chính'),
  (9, 'Phòng, chống ma túy tại cộng đồng'), (10, 'Nước sạch cho vùng đồng bào dân tộc thiểu số'),
  (11, 'Sinh kế bền vững cho hộ cận nghèo'), (12, 'Chè hữu cơ liên kết tiêu thụ'),
  (13, 'Tổ tự quản an ninh trật tự khu dân cư'), (14, 'Dân vận khéo trong giải phóng mặt bằng'),
  (15, 'Phụ nữ tiết kiệm giúp nhau thoát nghèo'), (16, 'Cựu chiến binh làm kinh tế giỏi'),
  (17, 'Thanh niên tình nguyện vì cộng đồng'), (18, 'Một cửa thân thiện, không giấy hẹn trễ'),
  (19, 'Đồng bào có đạo sống tốt đời, đẹp đạo');

insert into registry_model (id, kind, subject_type, name, name_folded, slug, field_code, organization_id, locality_id,
                            phase, start_year, situation, goals, outputs, status, recognition_level,
                            recognition_decision, recognition_date, is_public, replica_of, replica_count,
                            spread_localities, spread_organizations, measurable, last_result_date, revision, version,
                            created_at, created_by, updated_at, updated_by)
select s.id, s.kind, s.subject_type, x.name, pg_temp.fold(x.name), pg_temp.slug(x.name), s.field_code,
       s.organization_id, s.locality_id,
       case when s.start_year <= 2025 then '2021-2025' else '2026-2030' end, s.start_year,
       'Thực trạng trước khi triển khai tại ' || c.name || ': nhiều việc còn chờ Nhân dân cùng làm.',
       'Phát huy vai trò chủ thể của Nhân dân; mỗi năm ít nhất một kết quả cụ thể.',
       case when s.measurable then format('Sau %s tháng: %s hộ tham gia, %s buổi sinh hoạt, giảm %s%% đơn thư.',
                                          6 + s.g % 30, 20 + s.g % 400, 3 + s.g % 40, 5 + s.g % 60)
            else 'Nhân dân đồng tình, tham gia tích cực; quan hệ giữa chính quyền và Nhân dân gắn bó hơn.' end,
       s.status, s.recognition_level, s.recognition_decision, s.recognition_date, s.recognized, s.replica_of, 0, 1, 1,
       s.measurable, s.last_result_date, 1, 0,
       s.created_at, 'bench',
       greatest(s.created_at, coalesce(s.last_result_date, s.recognition_date)::timestamp at time zone 'Asia/Ho_Chi_Minh'
                              + interval '9 hours'),
       'bench'
from seed_model s
join seed_commune c on c.id = s.locality_id
join seed_theme t on t.theme = s.theme
cross join lateral (select t.name || ' – ' || c.name as name) x;
select setval(pg_get_serial_sequence('registry_model', 'id'), (select max(id) from registry_model)) as model_seq \gset

-- Replica counts and spreads as Lineage.refresh keeps them (here over direct replicas only).
update registry_model m set replica_count = r.replicas, spread_localities = r.localities,
                            spread_organizations = r.organizations
from (select s.replica_of as id, count(*) as replicas,
             count(distinct s.locality_id) + 1 as localities, count(distinct s.organization_id) + 1 as organizations
      from seed_model s where s.replica_of is not null group by s.replica_of) r
where m.id = r.id;

-- Focus areas on 30 % of the models, a second one on a third of those.
insert into registry_model_tag (model_id, list_kind, code)
select s.id, 'FOCUS_AREA', (:'focus'::text[])[1 + k.i]
from seed_model s
cross join lateral (select floor(pg_temp.rnd(s.g, 18) * :nfocus)::int as i1) a
cross join lateral (
  select a.i1 as i
  union all
  select (a.i1 + 1 + floor(pg_temp.rnd(s.g, 20) * (:nfocus - 1))::int) % :nfocus where pg_temp.rnd(s.g, 19) < 0.35
) k
where pg_temp.rnd(s.g, 21) < 0.3;

-- Lifecycle history, one row per step, as the application records it: the summary report counts commendations
-- from it (to_status = 'COMMENDED' in the range), so its size and mix matter. Registration; into appraisal 10 days
-- later (halfway to recognition for the recognized); returned, rejected or discontinued; recognition; then
-- maintained, replicated or commended. Nothing later than "as of".
insert into registry_transition (model_id, from_status, to_status, reason, actor, occurred_at)
select t.id, t.from_status, t.to_status, t.reason, 'bench', least(t.at, timestamptz :'asof' + interval '17 hours')
from (
  select s.id, null as from_status, case when s.status = 'DRAFT' then 'DRAFT' else 'SUBMITTED' end as to_status,
         'Đăng ký mô hình' as reason, s.created_at as at
  from seed_model s
  union all
  select s.id, 'SUBMITTED', 'RETURNED', 'Bổ sung kết quả đo đếm được', s.created_at + interval '10 days'
  from seed_model s where s.status = 'RETURNED'
  union all
  select s.id, 'SUBMITTED', 'UNDER_APPRAISAL', null,
         case when s.recognized then s.created_at + (s.recognition_date - s.created_on) / 2 * interval '1 day'
              else s.created_at + interval '10 days' end
  from seed_model s where s.recognized or s.status in ('UNDER_APPRAISAL', 'REJECTED', 'DISCONTINUED')
  union all
  select s.id, 'UNDER_APPRAISAL', 'REJECTED', 'Chưa đạt tiêu chí', s.created_at + interval '40 days'
  from seed_model s where s.status = 'REJECTED'
  union all
  select s.id, 'UNDER_APPRAISAL', 'DISCONTINUED', 'Đơn vị dừng triển khai', s.created_at + interval '200 days'
  from seed_model s where s.status = 'DISCONTINUED'
  union all
  select s.id, 'UNDER_APPRAISAL', 'RECOGNIZED', s.recognition_decision,
         s.recognition_date::timestamp at time zone 'Asia/Ho_Chi_Minh' + interval '9 hours'
  from seed_model s where s.recognized
  union all
  select s.id, 'RECOGNIZED', s.status, null,
         s.recognition_date::timestamp at time zone 'Asia/Ho_Chi_Minh' + interval '9 hours'
           + (30 + floor(pg_temp.rnd(s.g, 23) * 300)) * interval '1 day'
  from seed_model s where s.status in ('MAINTAINED', 'REPLICATED', 'COMMENDED')
) t;

-- Result updates: the latest on last_result_date, and half of them an earlier one halfway since recognition.
insert into registry_result_update (model_id, update_date, note, created_at, created_by)
select s.id, d.day, 'Cập nhật kết quả định kỳ', d.day::timestamp at time zone 'Asia/Ho_Chi_Minh' + interval '10 hours',
       'bench'
from seed_model s
cross join lateral (
  select s.last_result_date as day
  union all
  select s.recognition_date + (s.last_result_date - s.recognition_date) / 2
  where pg_temp.rnd(s.g, 22) < 0.5 and s.last_result_date - s.recognition_date > 1
) d
where s.last_result_date is not null;

-- --- planning calendar ------------------------------------------------------------------------------------------
insert into planning_year (plan_year, plan_deadline) values (2025, date '2025-01-31'), (2026, date '2026-01-31');
insert into reporting_period (plan_year, code, name, covers_from, covers_to, deadline)
select y, 'H1', 'Sơ kết 6 tháng đầu năm ' || y, make_date(y, 1, 1), make_date(y, 6, 30), make_date(y, 7, 15)
from generate_series(2025, 2026) y
union all
select y, 'Y', 'Tổng kết năm ' || y, make_date(y, 1, 1), make_date(y, 12, 31), make_date(y, 12, 20)
from generate_series(2025, 2026) y;

-- Unit plans: 70 % of the active organizations each year, 60 % of them approved, the rest submitted; 15 % late
-- (up to 60 days after the deadline), the others up to 45 days early.
insert into unit_plan (organization_id, plan_year, status, narrative, submitted_at, late, reviewed_by, version,
                       updated_at, updated_by)
select o.id, y.plan_year, case when pg_temp.rnd(o.n * 10000 + y.plan_year, 32) < 0.6 then 'APPROVED' else 'SUBMITTED' end,
       'Kế hoạch thực hiện phong trào thi đua “Dân vận khéo” năm ' || y.plan_year || ' của ' || o.name,
       x.submitted_at, x.late,
       case when pg_temp.rnd(o.n * 10000 + y.plan_year, 32) < 0.6 then 'admin' end, 0,
       x.submitted_at + case when pg_temp.rnd(o.n * 10000 + y.plan_year, 32) < 0.6 then interval '5 days'
                             else interval '0' end,
       'bench'
from seed_org o
cross join planning_year y
cross join lateral (
  select pg_temp.rnd(o.n * 10000 + y.plan_year, 31) < 0.15 as late
) l
cross join lateral (
  select l.late,
         (y.plan_deadline + case when l.late then 1 + floor(pg_temp.rnd(o.n * 10000 + y.plan_year, 33) * 60)::int
                                 else -floor(pg_temp.rnd(o.n * 10000 + y.plan_year, 33) * 45)::int end)
           ::timestamp at time zone 'Asia/Ho_Chi_Minh' + interval '10 hours' as submitted_at
) x
where o.active and y.plan_year in (2025, 2026) and pg_temp.rnd(o.n * 10000 + y.plan_year, 30) < 0.7;

-- Two fields' targets per plan.
insert into unit_plan_target (plan_id, field_code, new_models, new_exemplars, replications)
select p.id, (:'fields'::text[])[1 + f.i], 1 + floor(pg_temp.rnd(p.id * 4 + f.k, 42) * 5)::int,
       floor(pg_temp.rnd(p.id * 4 + f.k, 43) * 3)::int, floor(pg_temp.rnd(p.id * 4 + f.k, 44) * 4)::int
from unit_plan p
cross join lateral (select floor(pg_temp.rnd(p.id, 40) * :nfields)::int as i1) a
cross join lateral (
  select 1 as k, a.i1 as i
  union all
  select 2, (a.i1 + 1 + floor(pg_temp.rnd(p.id, 41) * (:nfields - 1))::int) % :nfields
) f
where p.id > :plan_base;

-- Period reports: 60 % of the active organizations for each period whose deadline has passed ("as of"), half
-- approved; 15 % late (never after "as of").
insert into period_report (organization_id, period_id, status, results, limits, causes, proposals, submitted_at, late,
                           reviewed_by, version, updated_at, updated_by)
select o.id, p.id, case when x.approved then 'APPROVED' else 'SUBMITTED' end,
       'Các mô hình được duy trì, nhân rộng; Nhân dân đồng tình tham gia.',
       'Một số mô hình chưa cập nhật kết quả định kỳ.', 'Cán bộ kiêm nhiệm, thời gian hạn chế.',
       'Đề nghị tập huấn cách cập nhật kết quả trên hệ thống.',
       x.submitted_at, x.late, case when x.approved then 'admin' end, 0,
       x.submitted_at + case when x.approved then interval '7 days' else interval '0' end, 'bench'
from seed_org o
cross join reporting_period p
cross join lateral (
  select r.late, r.approved,
         least(p.deadline + case when r.late then 1 + floor(pg_temp.rnd(o.n * 100 + p.id, 53) * 30)::int
                                 else -floor(pg_temp.rnd(o.n * 100 + p.id, 53) * 20)::int end,
               date :'asof')::timestamp at time zone 'Asia/Ho_Chi_Minh' + interval '15 hours' as submitted_at
  from (select pg_temp.rnd(o.n * 100 + p.id, 51) < 0.15 as late,
               pg_temp.rnd(o.n * 100 + p.id, 52) < 0.5 as approved) r
) x
where o.active and p.deadline <= date :'asof' and pg_temp.rnd(o.n * 100 + p.id, 50) < 0.6;

-- Figures of each report: per field and measure, what the registry gives for the organization and the period
-- (computed) and what the officer declares: the same, except 5 % declared one or two more, with a note.
create temp table seed_count on commit drop as
select p.id as period_id, s.organization_id, s.field_code,
       count(*) filter (where s.created_on between p.covers_from and p.covers_to) as registered,
       count(*) filter (where s.recognition_date between p.covers_from and p.covers_to) as recognized,
       count(*) filter (where s.replica_of is not null and s.created_on between p.covers_from and p.covers_to)
         as replicated,
       count(*) filter (where s.last_result_date between p.covers_from and p.covers_to) as updated
from seed_model s
cross join reporting_period p
where p.deadline <= date :'asof'
group by p.id, s.organization_id, s.field_code;
create index on seed_count (period_id, organization_id, field_code);

insert into period_report_figure (report_id, field_code, measure, computed, declared, note)
select r.id, f.code, m.measure, v.computed, v.computed + v.extra,
       case when v.extra > 0 then 'Bao gồm mô hình chưa nhập vào hệ thống' end
from period_report r
cross join unnest(:'fields'::text[]) with ordinality f(code, fi)
cross join (values (1, 'REGISTERED'), (2, 'RECOGNIZED'), (3, 'REPLICATED'), (4, 'UPDATED')) m(mi, measure)
left join seed_count c on c.period_id = r.period_id and c.organization_id = r.organization_id
                      and c.field_code = f.code
cross join lateral (
  select coalesce(case m.measure when 'REGISTERED' then c.registered when 'RECOGNIZED' then c.recognized
                                 when 'REPLICATED' then c.replicated else c.updated end, 0)::int as computed,
         case when pg_temp.rnd(r.id * 256 + f.fi * 8 + m.mi, 60) < 0.05
              then 1 + floor(pg_temp.rnd(r.id * 256 + f.fi * 8 + m.mi, 61) * 2)::int
              else 0 end as extra
) v
where r.id > :report_base;

-- --- commendation: the 2021–2025 conference, two award forms, accepted nominations ------------------------------
insert into commendation_conference (name, level, phase, held_on, place, decision_number, decision_date, created_at,
                                     created_by)
values ('Hội nghị biểu dương điển hình “Dân vận khéo” giai đoạn 2021–2025', 'PROVINCE', '2021-2025',
        date '2025-10-15', 'Hội trường Tỉnh ủy', '2150/QĐ-UBND', date '2025-10-10',
        timestamptz '2025-08-01 09:00+07', 'bench')
returning id as conference_id
\gset
insert into award_form (conference_id, name, quota, position)
values (:conference_id, 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 300, 1)
returning id as form_one
\gset
insert into award_form (conference_id, name, quota, position)
values (:conference_id, 'Giấy khen của Ban Dân vận Tỉnh ủy', 500, 2)
returning id as form_two
\gset
-- Commended models first, then other recognized ones, all recognized before the conference; certificate numbers
-- 1..n in the register, the first 300 under the first form.
insert into nomination (conference_id, model_id, award_form_id, status, achievement, proposed_by, decided_by,
                        created_at, certificate_number)
select :conference_id, c.id, case when c.rn <= 300 then :form_one else :form_two end, 'ACCEPTED',
       'Mô hình tiêu biểu, được nhân rộng trong giai đoạn 2021–2025', 'bench', 'admin',
       timestamptz '2025-09-20 09:00+07', c.rn
from (select s.id, row_number() over (order by s.status = 'COMMENDED' desc, pg_temp.rnd(s.g, 62)) as rn
      from seed_model s
      where s.recognized and s.recognition_date < date '2025-10-15') c
where c.rn <= :nominations;
-- The nominated models that are commended were commended at this conference.
update registry_transition t set occurred_at = timestamptz '2025-10-15 16:00+07'
from nomination n
where n.conference_id = :conference_id and t.model_id = n.model_id and t.to_status = 'COMMENDED';

commit;

analyze;
