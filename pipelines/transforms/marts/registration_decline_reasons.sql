-- marts.registration_decline_reasons: top decline reasons of deal registrations (DOMAIN.md "Deal registration"),
-- by fiscal quarter of submission (the same quarter registration_sla counts a registration in, so the declined
-- counts add up to its declined column). A declined registration with no reason counts as 'unspecified'.
-- Grain: one row per (fiscal_quarter, decline_reason) that occurred.
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
