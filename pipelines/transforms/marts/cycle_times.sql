-- Only new_business: renewals would distort the motion comparison. Medians and 75th percentiles are quantile_cont
-- (interpolated between the two middle deals).
with closed_deals as (
    select reporting_motion, closed_quarter, is_won, cycle_days
    from intermediate.revenue_closed_deals
),

by_motion as (
    select
        reporting_motion as motion,
        closed_quarter as fiscal_quarter,
        count(*) as closed,
        count(*) filter (where is_won) as won,
        quantile_cont(cycle_days, 0.5) as median_days,
        quantile_cont(cycle_days, 0.75) as p75_days,
        quantile_cont(cycle_days, 0.5) filter (where is_won) as won_median_days
    from closed_deals
    group by reporting_motion, closed_quarter
),

direct as (
    select fiscal_quarter, median_days, won_median_days
    from by_motion
    where motion = 'direct'
)

select
    m.motion,
    m.fiscal_quarter,
    cast(m.closed as integer) as closed,
    cast(m.won as integer) as won,
    m.median_days,
    m.p75_days,
    m.won_median_days,
    m.median_days - d.median_days as delta_vs_direct_median_days,
    m.won_median_days - d.won_median_days as won_delta_vs_direct_median_days
from by_motion as m
left join direct as d on d.fiscal_quarter = m.fiscal_quarter
order by m.fiscal_quarter, m.motion
