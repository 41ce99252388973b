-- By quarter of submission, the quarter marts.registration_sla counts a registration in, so the declined counts add
-- up to its declined column.
with registrations as (
    select submitted_quarter, decision, decline_reason from intermediate.ops_registrations
),

declines as (
    select
        submitted_quarter as fiscal_quarter,
        decline_reason,
        count(*) as declined
    from registrations
    where decision = 'declined'
    group by submitted_quarter, decline_reason
)

select
    fiscal_quarter,
    decline_reason,
    declined,
    declined / sum(declined) over (partition by fiscal_quarter) as share_of_declined,
    cast(rank() over (partition by fiscal_quarter order by declined desc) as integer) as rank
from declines
order by fiscal_quarter, rank, decline_reason
