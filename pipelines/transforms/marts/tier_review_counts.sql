-- marts.tier_review_counts: partners per tier and recommendation at each quarter's tier review (marts.tier_reviews).
-- Grain: one row per (fiscal_quarter, tier, recommendation) with at least one partner.
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
