-- marts.win_rates_by_segment_band: the cells behind the mix-adjusted win-rate delta of marts.win_rates, so the
-- adjustment can be traced by hand. Closed new_business deals per reporting motion, closing fiscal quarter, account
-- segment and ARR band, with direct's won / lost in the same quarter and cell. is_shared_cell marks the cells the
-- adjustment uses (direct has at least one closed deal there too).
-- Grain: one row per (motion, fiscal_quarter, segment, arr_band) with at least one closed deal of the motion.
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
