with reviews as (
    select fiscal_quarter, tier, tier_rank, recommendation
    from marts.tier_reviews
)

select
    fiscal_quarter,
    tier,
    tier_rank,
    recommendation,
    cast(count(*) as integer) as partners
from reviews
group by fiscal_quarter, tier, tier_rank, recommendation
order by fiscal_quarter, tier_rank, recommendation
