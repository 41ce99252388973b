-- staging.activities: One row per logged sales activity on an opportunity.
-- Grain: one row per activity_id. Renames and casts only; snapshot_date says which lake snapshot each row comes from.
select
    cast(activity_id as varchar) as activity_id,
    cast(opportunity_id as varchar) as opportunity_id,
    cast(partner_id as varchar) as partner_id,
    cast(activity_type as varchar) as activity_type,
    cast(occurred_at as timestamp) as occurred_at,
    snapshot_date
from lake.activities
