select
    cast(conflict_id as varchar) as conflict_id,
    cast(account_id as varchar) as account_id,
    cast(conflict_type as varchar) as conflict_type,
    cast(cause as varchar) as cause,
    cast(opened_at as timestamp) as opened_at,
    cast(acknowledged_at as timestamp) as acknowledged_at,
    cast(resolved_at as timestamp) as resolved_at,
    cast(resolution as varchar) as resolution,
    snapshot_date
from lake.conflicts
