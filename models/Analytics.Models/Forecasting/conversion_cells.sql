-- conversion_cells: the observed conversion of every (motion, stage_index, time-left bucket) from the observations
-- whose outcome was known by $outcomes_known_by (maturity snapshot on or before it). observations counts (snapshot,
-- deal) rows, deals distinct opportunities; mean_days_left is where in the bucket they sit; won_observations / observations is the count-weighted rate; sourced_arr and won_arr are
-- the ARR-weighted denominator and numerator.
select
    motion,
    cast(stage_index as integer) as stage_index,
    time_left_bucket,
    count(*) as observations,
    count(distinct opportunity_id) as deals,
    count(*) filter (where is_won_in_quarter) as won_observations,
    cast(avg(days_left) as double) as mean_days_left,
    coalesce(sum(sourced_arr), 0) as sourced_arr,
    coalesce(sum(sourced_arr) filter (where is_won_in_quarter), 0) as won_arr
from forecast_observations
where maturity_date <= cast($outcomes_known_by as date)
group by motion, stage_index, time_left_bucket
order by motion, stage_index, time_left_bucket
