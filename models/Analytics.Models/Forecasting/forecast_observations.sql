-- forecast_observations (temp): the training rows of the conversion rates. One row per (snapshot S, open deal with
-- sourced credit at S) whose outcome is known: S's quarter has a maturity snapshot M. The outcome is read from M only:
-- won in S's quarter = at M the deal is closed won, with sourced credit, and closed_at before S's quarter end. A row may
-- be used for a forecast made at F only when M <= F (its outcome was known at F); maturity_date carries that.
-- Grain: one row per (snapshot_date, opportunity_id).
create or replace temp table forecast_observations as
with matured as (
    select snapshot_date, fiscal_quarter, quarter_end, days_left, time_left_bucket, maturity_date
    from forecast_snapshots
    where maturity_date is not null
),

open_positions as (
    select p.snapshot_date, p.opportunity_id, p.motion, p.stage_index, p.sourced_arr
    from forecast_positions as p
    where not p.is_closed
),

won_at_maturity as (
    select snapshot_date, opportunity_id, closed_at
    from forecast_positions
    where is_won
)

select
    p.snapshot_date,
    m.maturity_date,
    m.fiscal_quarter,
    p.opportunity_id,
    p.motion,
    p.stage_index,
    m.days_left,
    m.time_left_bucket,
    p.sourced_arr,
    coalesce(w.closed_at < m.quarter_end, false) as is_won_in_quarter
from open_positions as p
inner join matured as m on m.snapshot_date = p.snapshot_date
left join won_at_maturity as w on w.snapshot_date = m.maturity_date and w.opportunity_id = p.opportunity_id
