-- Only new_business: a renewal through a partner needs no new registration.
with closed_deals as (
    select closed_quarter, reporting_motion, is_registered, is_won, arr
    from intermediate.revenue_closed_deals
    where is_partner_touched
),

outcomes as (
    select
        closed_quarter as fiscal_quarter,
        reporting_motion as motion,
        is_registered,
        count(*) filter (where is_won) as won,
        count(*) filter (where not is_won) as lost,
        avg(arr) filter (where is_won) as mean_won_arr,
        coalesce(sum(arr) filter (where is_won), 0) as won_arr
    from closed_deals
    group by closed_quarter, reporting_motion, is_registered
)

select
    fiscal_quarter,
    motion,
    is_registered,
    cast(won as integer) as won,
    cast(lost as integer) as lost,
    cast(won + lost as integer) as closed,
    won / nullif(won + lost, 0) as win_rate,
    cast(mean_won_arr as decimal(18, 2)) as mean_won_arr,
    cast(won_arr as decimal(18, 2)) as won_arr
from outcomes
order by fiscal_quarter, motion, is_registered
