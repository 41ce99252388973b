-- Entries at the same moment are ordered by stage_index, so the next entry is deterministic. History rows of
-- opportunities missing from the snapshot are dropped (staging's relationship test warns).
with stage_history as (
    select opportunity_id, stage, stage_index, entered_at from staging.stage_history
),

opportunities as (
    select opportunity_id, reporting_motion, opportunity_type, outcome from intermediate.opportunities
),

ordered as (
    select
        opportunity_id,
        stage,
        stage_index,
        entered_at,
        row_number() over (partition by opportunity_id order by entered_at, stage_index) as entry_number,
        lead(stage) over (partition by opportunity_id order by entered_at, stage_index) as next_stage,
        lead(stage_index) over (partition by opportunity_id order by entered_at, stage_index) as next_stage_index,
        lead(entered_at) over (partition by opportunity_id order by entered_at, stage_index) as next_entered_at
    from stage_history
)

select
    h.opportunity_id,
    cast(h.entry_number as integer) as entry_number,
    o.reporting_motion,
    o.opportunity_type,
    o.outcome,
    h.stage,
    cast(h.stage_index as integer) as stage_index,
    h.stage_index between 1 and 5 as is_open_stage,
    h.entered_at,
    h.next_stage,
    cast(h.next_stage_index as integer) as next_stage_index,
    h.next_entered_at,
    h.next_entered_at is null as is_last_entry,
    days_between(h.entered_at, h.next_entered_at) as duration_days
from ordered as h
inner join opportunities as o on o.opportunity_id = h.opportunity_id
