-- matured_quarters: for every snapshot S whose quarter has a maturity snapshot M, by motion, the three parts of that
-- quarter's sourced ARR as seen from S: won_to_date_arr (won in the quarter by S, credited as at S), realized_open_arr
-- (sourced ARR at S of the deals open at S that were won by the quarter's end, outcome read at M) and quarter_won_arr
-- (the quarter's whole sourced won ARR as credited at M). What is left, quarter_won - won_to_date - realized_open, came
-- from deals not in S's sourced pipeline: created after S, or credited or re-motioned after S.
with matured as (
    select snapshot_date, fiscal_quarter, quarter_start, quarter_end, days_left, time_left_bucket, maturity_date
    from forecast_snapshots
    where maturity_date is not null
),

won_to_date as (
    select p.snapshot_date, p.motion, sum(p.sourced_arr) as arr
    from forecast_positions as p
    inner join matured as m on m.snapshot_date = p.snapshot_date
    where p.is_won and p.closed_at >= m.quarter_start
    group by p.snapshot_date, p.motion
),

realized_open as (
    select
        snapshot_date,
        motion,
        sum(sourced_arr) as open_arr,
        coalesce(sum(sourced_arr) filter (where is_won_in_quarter), 0) as arr
    from forecast_observations
    group by snapshot_date, motion
),

quarter_won as (
    select m.snapshot_date, p.motion, sum(p.sourced_arr) as arr
    from matured as m
    inner join forecast_positions as p on p.snapshot_date = m.maturity_date
    where p.is_won and p.closed_at >= m.quarter_start and p.closed_at < m.quarter_end
    group by m.snapshot_date, p.motion
),

motions as (
    select snapshot_date, motion from won_to_date
    union
    select snapshot_date, motion from realized_open
    union
    select snapshot_date, motion from quarter_won
)

select
    m.snapshot_date,
    m.fiscal_quarter,
    m.maturity_date,
    m.days_left,
    m.time_left_bucket,
    x.motion,
    coalesce(r.open_arr, 0) as open_arr,
    coalesce(w.arr, 0) as won_to_date_arr,
    coalesce(r.arr, 0) as realized_open_arr,
    coalesce(q.arr, 0) as quarter_won_arr
from motions as x
inner join matured as m on m.snapshot_date = x.snapshot_date
left join won_to_date as w on w.snapshot_date = x.snapshot_date and w.motion = x.motion
left join realized_open as r on r.snapshot_date = x.snapshot_date and r.motion = x.motion
left join quarter_won as q on q.snapshot_date = x.snapshot_date and q.motion = x.motion
order by m.snapshot_date, x.motion
