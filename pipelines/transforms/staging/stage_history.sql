-- staging.stage_history: One row per stage an opportunity entered.
-- Grain: one row per (opportunity_id, stage_index, entered_at). Renames and casts only; snapshot_date says which lake snapshot each row comes from.
select
    cast(opportunity_id as varchar) as opportunity_id,
    cast(stage as varchar) as stage,
    cast(stage_index as bigint) as stage_index,
    cast(entered_at as timestamp) as entered_at,
    snapshot_date
from lake.stage_history
