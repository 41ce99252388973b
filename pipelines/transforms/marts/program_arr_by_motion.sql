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
