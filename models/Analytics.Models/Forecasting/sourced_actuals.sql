-- sourced_actuals: each fiscal quarter's partner-sourced ARR by motion, read from marts.partner_arr_quarterly (the
-- warehouse's one definition: credited ARR of 'sourced' partner rows of deals won, by the quarter of closed_at), so a
-- back-test's actual and the naive baseline equal what the marts report.
select
    motion,
    fiscal_quarter,
    cast(sum(sourced_arr) as double) as sourced_arr
from marts.partner_arr_quarterly
group by motion, fiscal_quarter
order by fiscal_quarter, motion
