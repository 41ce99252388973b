-- Only open stages (1-5) and new_business (renewals would distort the motion comparison). A stage counts once it
-- has been left; the stage an open deal sits in now has no duration yet, so it counts in in_stage_now only.
with intervals as (
    select reporting_motion, stage, stage_index, duration_days, is_last_entry
    from intermediate.stage_intervals
    where opportunity_type = 'new_business'
      and is_open_stage
),

by_stage as (
    select
        reporting_motion as motion,
        stage,
        stage_index,
        count(duration_days) as transitions,
        count(*) filter (where is_last_entry) as in_stage_now,
        quantile_cont(duration_days, 0.5) as median_days,
        quantile_cont(duration_days, 0.75) as p75_days,
        avg(duration_days) as mean_days
    from intervals
    group by reporting_motion, stage, stage_index
),

direct_by_index as (
    select stage_index, median_days
    from by_stage
    where motion = 'direct'
)

select
    s.motion,
    s.stage,
    s.stage_index,
    cast(s.transitions as integer) as transitions,
    cast(s.in_stage_now as integer) as in_stage_now,
    s.median_days,
    s.p75_days,
    s.mean_days,
    s.median_days - d.median_days as delta_vs_direct_median_days
from by_stage as s
left join direct_by_index as d on d.stage_index = s.stage_index
order by s.motion, s.stage_index, s.stage
