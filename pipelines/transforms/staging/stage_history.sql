select
    cast(opportunity_id as varchar) as opportunity_id,
    cast(stage as varchar) as stage,
    cast(stage_index as bigint) as stage_index,
    cast(entered_at as timestamp) as entered_at,
    snapshot_date
from lake.stage_history
