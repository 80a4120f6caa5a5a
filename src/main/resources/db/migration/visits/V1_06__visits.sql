-- Baseline of the visits module: its tables as they stood after the migrations V1–V13 (squashed into one file
-- per module, statements in their original order). One set for H2 and PostgreSQL; ${collate_c} is the C collation on
-- PostgreSQL and empty on H2 (see system/MigrationSettings).

-- Public portal: visitor statistics (visits and page views per day, views per article or story) and news.

-- Per day (Asia/Ho_Chi_Minh): visits started and pages viewed by people (bots are not counted).
create table visit_day (
    visit_date date   primary key,
    visits     bigint not null default 0,
    page_views bigint not null default 0
);

-- Views of one piece of content (kind 'news' or 'model'), flushed in batches from the in-memory counters.
create table content_view (
    kind       varchar(20) not null,
    content_id bigint      not null,
    views      bigint      not null default 0,
    primary key (kind, content_id)
);
