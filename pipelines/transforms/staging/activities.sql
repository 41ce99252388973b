select
    cast(activity_id as varchar) as activity_id,
    cast(opportunity_id as varchar) as opportunity_id,
    cast(partner_id as varchar) as partner_id,
    cast(activity_type as varchar) as activity_type,
    cast(occurred_at as timestamp) as occurred_at,
    snapshot_date
from lake.activities
