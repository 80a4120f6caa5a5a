-- Fair counting behind shared addresses (issue 16). A device is its own signed cookie, never its address, so an
-- address can now carry many counted ballots; two limits keep one address from carrying too many: the ballots per
-- minute (now set on every poll) and a cap of counted ballots per address per poll, which staff can raise.

update poll set ip_limit_per_minute = 300 where ip_limit_per_minute is null;

alter table poll add column ballots_per_address integer not null default 500;

-- Ballots received from one address hash in one poll and bucket (the day for daily polls), raised in the same
-- statement or transaction as the ballot itself, so the cap holds under any concurrency and on every node.
create table poll_address_tally (
    poll_id bigint      not null references poll (id) on delete cascade,
    ip_hash varchar(64) not null,
    bucket  date        not null,
    ballots integer     not null,
    primary key (poll_id, ip_hash, bucket)
);

insert into poll_address_tally (poll_id, ip_hash, bucket, ballots)
select poll_id, ip_hash, bucket, count(*) from poll_ballot group by poll_id, ip_hash, bucket;
