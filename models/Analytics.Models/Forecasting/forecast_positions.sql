-- forecast_positions (temp): at every landed snapshot, each opportunity with partner-sourced credit at that snapshot
-- that is open, or won in the snapshot's fiscal quarter or the one before (what "won to date" and a quarter's actual
-- read). Sourced ARR is the sum of the deal's 'sourced' rows of intermediate.credited_arr_by_snapshot (the one
-- definition of credited ARR); motion is the deal's reporting motion at the snapshot (blank -> 'unspecified').
-- Grain: one row per (snapshot_date, opportunity_id).
create or replace temp table forecast_positions as
with snapshots as (
    select snapshot_date, quarter_start from forecast_snapshots
),

opportunities as (
    select
        o.snapshot_date,
        o.opportunity_id,
        coalesce(o.motion, 'unspecified') as motion,
        o.stage_index,
        o.is_closed,
        o.is_won,
        o.closed_at,
        o.arr,
        s.quarter_start
    from staging.opportunities_as_of as o
    inner join snapshots as s on s.snapshot_date = o.snapshot_date
    where o.snapshot_date <= cast($snapshot_date as date)
      and (not o.is_closed or (o.is_won and o.closed_at >= s.quarter_start - interval 3 month))
),

sourced_rows as (
    select snapshot_date, opportunity_id, credited_arr
    from intermediate.credited_arr_by_snapshot
    where snapshot_date <= cast($snapshot_date as date)
      and attribution = 'sourced'
      and attribution_pct is not null
)

select
    o.snapshot_date,
    o.opportunity_id,
    any_value(o.motion) as motion,
    any_value(o.stage_index) as stage_index,
    any_value(o.is_closed) as is_closed,
    any_value(o.is_won) as is_won,
    any_value(o.closed_at) as closed_at,
    cast(sum(r.credited_arr) as double) as sourced_arr
from opportunities as o
inner join sourced_rows as r on r.snapshot_date = o.snapshot_date and r.opportunity_id = o.opportunity_id
group by o.snapshot_date, o.opportunity_id
