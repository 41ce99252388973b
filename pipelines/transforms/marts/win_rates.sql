-- Only new_business: renewals win ~90 % and would distort the motion comparison. Mix adjustment: partner deals
-- arrive warmer and smaller, so the raw delta compares different deals; the adjusted delta compares the motion with
-- what direct won on the motion's own mix of (segment, ARR band) cells (intermediate.revenue_win_rate_cells).
with cells as (
    select motion, fiscal_quarter, won, lost, closed, direct_win_rate, is_shared_cell
    from intermediate.revenue_win_rate_cells
),

closed_deals as (
    select reporting_motion, closed_quarter, is_won, arr
    from intermediate.revenue_closed_deals
),

by_motion as (
    select
        reporting_motion as motion,
        closed_quarter as fiscal_quarter,
        count(*) filter (where is_won) as won,
        count(*) filter (where not is_won) as lost,
        avg(arr) filter (where is_won) as mean_won_arr
    from closed_deals
    group by reporting_motion, closed_quarter
),

with_rates as (
    select
        motion,
        fiscal_quarter,
        won,
        lost,
        won / nullif(won + lost, 0) as win_rate,
        mean_won_arr
    from by_motion
),

direct as (
    select fiscal_quarter, win_rate as direct_win_rate
    from with_rates
    where motion = 'direct'
),

mix as (
    select
        motion,
        fiscal_quarter,
        sum(closed) filter (where is_shared_cell) as shared_closed,
        sum(won) filter (where is_shared_cell) as shared_won,
        sum(closed * direct_win_rate) filter (where is_shared_cell) as expected_direct_won
    from cells
    group by motion, fiscal_quarter
),

mix_rates as (
    select
        motion,
        fiscal_quarter,
        shared_closed,
        shared_won / nullif(shared_closed, 0) as win_rate_in_shared_cells,
        expected_direct_won / nullif(shared_closed, 0) as expected_direct_win_rate
    from mix
)

select
    r.motion,
    r.fiscal_quarter,
    cast(r.won as integer) as won,
    cast(r.lost as integer) as lost,
    cast(r.won + r.lost as integer) as closed,
    r.win_rate,
    d.direct_win_rate,
    100 * (r.win_rate - d.direct_win_rate) as delta_vs_direct_pp,
    cast(r.mean_won_arr as decimal(18, 2)) as mean_won_arr,
    m.win_rate_in_shared_cells,
    m.expected_direct_win_rate,
    100 * (m.win_rate_in_shared_cells - m.expected_direct_win_rate) as mix_adjusted_delta_pp,
    case when m.shared_closed > 0 then m.shared_closed / (r.won + r.lost) end as mix_adjusted_coverage_share
from with_rates as r
left join direct as d on d.fiscal_quarter = r.fiscal_quarter
left join mix_rates as m on m.motion = r.motion and m.fiscal_quarter = r.fiscal_quarter
order by r.fiscal_quarter, r.motion
