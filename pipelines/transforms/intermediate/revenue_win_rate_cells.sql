-- A deal whose account is missing from the snapshot is counted in segment 'unknown' rather than dropped.
with closed_deals as (
    select
        reporting_motion,
        closed_quarter,
        coalesce(segment, 'unknown') as segment,
        arr_band,
        is_won
    from intermediate.revenue_closed_deals
),

cells as (
    select
        reporting_motion as motion,
        closed_quarter as fiscal_quarter,
        segment,
        arr_band,
        count(*) filter (where is_won) as won,
        count(*) filter (where not is_won) as lost
    from closed_deals
    group by reporting_motion, closed_quarter, segment, arr_band
),

direct_cells as (
    select fiscal_quarter, segment, arr_band, won, lost
    from cells
    where motion = 'direct'
)

select
    c.motion,
    c.fiscal_quarter,
    c.segment,
    c.arr_band,
    cast(c.won as integer) as won,
    cast(c.lost as integer) as lost,
    cast(c.won + c.lost as integer) as closed,
    c.won / (c.won + c.lost) as win_rate,
    cast(coalesce(d.won, 0) as integer) as direct_won,
    cast(coalesce(d.lost, 0) as integer) as direct_lost,
    cast(coalesce(d.won + d.lost, 0) as integer) as direct_closed,
    d.won / nullif(d.won + d.lost, 0) as direct_win_rate,
    d.fiscal_quarter is not null as is_shared_cell
from cells as c
left join direct_cells as d
    on d.fiscal_quarter = c.fiscal_quarter
   and d.segment = c.segment
   and d.arr_band = c.arr_band
