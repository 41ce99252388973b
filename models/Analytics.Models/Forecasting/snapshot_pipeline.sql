-- snapshot_pipeline: what a forecast made at $snapshot_date starts from, by motion and stage_index at that snapshot:
-- open deals with sourced credit and their sourced ARR, and deals already won in the snapshot's quarter (stage 6) with
-- their sourced ARR.
select
    p.motion,
    cast(p.stage_index as integer) as stage_index,
    count(*) filter (where not p.is_closed) as open_deals,
    coalesce(sum(p.sourced_arr) filter (where not p.is_closed), 0) as open_arr,
    count(*) filter (where p.is_won and p.closed_at >= s.quarter_start) as won_deals,
    coalesce(sum(p.sourced_arr) filter (where p.is_won and p.closed_at >= s.quarter_start), 0) as won_arr
from forecast_positions as p
inner join forecast_snapshots as s on s.snapshot_date = p.snapshot_date
where p.snapshot_date = cast($snapshot_date as date)
group by p.motion, p.stage_index
order by p.motion, p.stage_index
