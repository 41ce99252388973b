-- forecast_snapshots (temp): every landed snapshot up to the scoring snapshot, with its fiscal quarter, the days left
-- in that quarter after the snapshot day, its time-left bucket, and its maturity snapshot: the first landed snapshot
-- on or after the quarter's last day (and still inside the next quarter), from which the outcome "closed won by the
-- end of the quarter" of every deal open at the snapshot is read. Null while the quarter has not ended (or when the
-- snapshots after it are missing): such a snapshot's deals have no outcome yet.
-- Parameters: $snapshot_date (DATE), $start_month (fiscal year start month), $bucket_days, $buckets.
create or replace temp table forecast_snapshots as
with landed as (
    select distinct snapshot_date
    from staging.opportunities_as_of
    where snapshot_date <= cast($snapshot_date as date)
),

quarters as (
    select
        snapshot_date,
        fiscal_quarter(snapshot_date, cast($start_month as integer)) as fiscal_quarter,
        fiscal_quarter_start(snapshot_date, cast($start_month as integer)) as quarter_start,
        fiscal_quarter_end(snapshot_date, cast($start_month as integer)) as quarter_end
    from landed
),

timed as (
    select
        *,
        cast(date_diff('day', snapshot_date, quarter_end) - 1 as integer) as days_left
    from quarters
)

select
    t.snapshot_date,
    t.fiscal_quarter,
    t.quarter_start,
    t.quarter_end,
    t.days_left,
    cast(least(t.days_left // cast($bucket_days as integer), cast($buckets as integer) - 1) as integer) as time_left_bucket,
    (
        select min(m.snapshot_date)
        from landed as m
        where m.snapshot_date >= t.quarter_end - 1
          and m.snapshot_date < cast(t.quarter_end + interval 3 month as date)
    ) as maturity_date
from timed as t
order by t.snapshot_date
