-- Zero-filled over intermediate.fiscal_quarters, so a quarter with nothing submitted or opened still has its row.
with quarters as (
    select fiscal_quarter, quarter_start, quarter_number from intermediate.fiscal_quarters
),

registrations as (
    select submitted_quarter, count(*) as registrations_submitted
    from intermediate.ops_registrations
    group by submitted_quarter
),

conflicts as (
    select opened_quarter, count(*) as conflicts_opened
    from intermediate.ops_conflicts
    group by opened_quarter
)

select
    q.fiscal_quarter,
    q.quarter_start,
    coalesce(r.registrations_submitted, 0) as registrations_submitted,
    coalesce(c.conflicts_opened, 0) as conflicts_opened,
    100.0 * coalesce(c.conflicts_opened, 0) / nullif(coalesce(r.registrations_submitted, 0), 0)
        as conflicts_per_100_registrations
from quarters as q
left join registrations as r on r.submitted_quarter = q.fiscal_quarter
left join conflicts as c on c.opened_quarter = q.fiscal_quarter
order by q.quarter_number
