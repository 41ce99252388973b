-- marts.program_arr_by_motion: sourced and influenced ARR won per fiscal quarter and deal motion, over every partner
-- (marts.partner_arr_quarterly summed over partners), for the program pack's ARR-by-motion chart.
-- Grain: one row per (fiscal_quarter, motion) with any credited ARR or any won or open partner deal.
with partner_arr as (
    select fiscal_quarter, motion, sourced_arr, influenced_arr
    from marts.partner_arr_quarterly
)

select
    fiscal_quarter,
    motion,
    sum(sourced_arr) as sourced_arr,
    sum(influenced_arr) as influenced_arr,
    sum(sourced_arr) + sum(influenced_arr) as credited_arr
from partner_arr
group by fiscal_quarter, motion
order by fiscal_quarter, motion
