-- Kept so that the mix adjustment of marts.win_rates can be traced by hand.
select
    motion,
    fiscal_quarter,
    segment,
    arr_band,
    won,
    lost,
    closed,
    win_rate,
    direct_won,
    direct_lost,
    direct_win_rate,
    is_shared_cell
from intermediate.revenue_win_rate_cells
order by fiscal_quarter, motion, segment, arr_band
