-- Ages are elapsed days from the timestamp to the snapshot cut-off (end of the snapshot day).
with opportunities as (
    select * from intermediate.opportunities
),

names as (
    select opportunity_id, name from staging.opportunities
),

settings as (
    select cast(getvariable('snapshot_date') as timestamp) + interval 1 day as cutoff_at
)

select
    o.opportunity_id,
    n.name as opportunity_name,
    o.account_id,
    o.opportunity_type,
    o.motion,
    o.reporting_motion,
    o.stage,
    o.stage_index,
    o.arr,
    o.owner_email,
    o.partner_count,
    o.deal_registration_id,
    o.next_step_updated_at,
    o.last_activity_at,
    days_between(o.next_step_updated_at, s.cutoff_at) as next_step_age_days,
    days_between(o.last_activity_at, s.cutoff_at) as activity_age_days,
    s.cutoff_at
from opportunities as o
cross join settings as s
left join names as n on n.opportunity_id = o.opportunity_id
where not o.is_closed
    and (o.is_partner_touched or o.motion in ('referral', 'reseller', 'marketplace', 'services', 'tech'))
