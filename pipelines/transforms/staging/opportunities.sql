-- staging.opportunities: One row per opportunity (deal) in the snapshot, open or closed. Closed deals are in stage closed_won (stage_index 6) or closed_lost (stage_index 0).
-- Grain: one row per opportunity_id. Renames and casts only; snapshot_date says which lake snapshot each row comes from.
select
    cast(opportunity_id as varchar) as opportunity_id,
    cast(account_id as varchar) as account_id,
    cast(name as varchar) as name,
    cast(opportunity_type as varchar) as opportunity_type,
    cast(motion as varchar) as motion,
    cast(stage as varchar) as stage,
    cast(stage_index as bigint) as stage_index,
    cast(is_closed as boolean) as is_closed,
    cast(is_won as boolean) as is_won,
    cast(arr as decimal(18,2)) as arr,
    cast(created_at as timestamp) as created_at,
    cast(close_date as date) as close_date,
    cast(closed_at as timestamp) as closed_at,
    cast(owner_email as varchar) as owner_email,
    cast(next_step as varchar) as next_step,
    cast(next_step_updated_at as timestamp) as next_step_updated_at,
    cast(last_activity_at as timestamp) as last_activity_at,
    cast(deal_registration_id as varchar) as deal_registration_id,
    cast(conflict_status as varchar) as conflict_status,
    cast(lost_reason as varchar) as lost_reason,
    snapshot_date
from lake.opportunities
