select
    fiscal_quarter,
    quarter_start,
    quarter_end,
    is_current
from intermediate.fiscal_quarters
order by quarter_start
