-- The stalled-deal model's rows: one per (snapshot_date, open partner opportunity) for every landed snapshot between
-- $from and $to, with features computed ONLY from that snapshot's own partition (the CRM as it stood at the end of
-- that day), so a row never depends on a later snapshot (DOMAIN.md "Stalled-deal score": trained only on what was
-- known at each past snapshot date). The label comes from a later snapshot: the first one landed at least $horizon
-- days after; is_stalled = no stage_history entry with a higher stage (a later open stage, or closed won) entered
-- within $horizon days of the cut-off. Null when no such snapshot exists yet or the deal is gone from it.
-- Population: open opportunities that are partner-touched or carry a partner motion (intermediate.ops_open_partner_opportunities).
with snapshots as (
    select distinct snapshot_date from staging.opportunities_as_of where snapshot_date between $from and $to
),

all_snapshots as (
    select distinct snapshot_date from staging.opportunities_as_of
),

opportunities as (
    select
        o.snapshot_date,
        cast(o.snapshot_date as timestamp) + interval 1 day as cutoff_at,
        o.opportunity_id,
        o.opportunity_type,
        o.owner_email,
        o.close_date,
        coalesce(o.motion, 'unspecified') as motion,
        o.stage_index,
        o.arr,
        o.created_at,
        o.next_step_updated_at,
        o.last_activity_at,
        o.deal_registration_id,
        coalesce(o.conflict_status, 'none') as conflict_status
    from staging.opportunities_as_of as o
    inner join snapshots as s on s.snapshot_date = o.snapshot_date
    where not o.is_closed
),

partner_rows as (
    select
        p.snapshot_date,
        p.opportunity_id,
        p.partner_id,
        -- the primary partner: sourced before influenced, then the largest attribution, then the earliest added
        row_number() over (partition by p.snapshot_date, p.opportunity_id
            order by p.attribution = 'sourced' desc, coalesce(p.attribution_pct, 0) desc, p.added_at, p.partner_id) as rank,
        count(*) over (partition by p.snapshot_date, p.opportunity_id) as partner_count
    from staging.opportunity_partners_as_of as p
    inner join snapshots as s on s.snapshot_date = p.snapshot_date
),

population as (
    select o.*, pr.partner_id, coalesce(pr.partner_count, 0) as partner_count
    from opportunities as o
    left join partner_rows as pr on pr.snapshot_date = o.snapshot_date and pr.opportunity_id = o.opportunity_id and pr.rank = 1
    where pr.partner_id is not null or o.motion in ('referral', 'reseller', 'marketplace', 'services', 'tech')
),

history as (
    select h.snapshot_date, h.opportunity_id, h.stage_index, h.entered_at,
        lead(h.entered_at) over (partition by h.snapshot_date, h.opportunity_id order by h.entered_at, h.stage_index) as left_at
    from staging.stage_history_as_of as h
    inner join snapshots as s on s.snapshot_date = h.snapshot_date
),

current_stage as (
    select snapshot_date, opportunity_id, max(entered_at) as entered_at
    from history
    group by snapshot_date, opportunity_id
),

-- the motion's median time in each open stage, from the stage intervals completed by the snapshot
stage_medians as (
    select h.snapshot_date, coalesce(o.motion, 'unspecified') as motion, h.stage_index,
        median(days_between(h.entered_at, h.left_at)) as median_days
    from history as h
    inner join staging.opportunities_as_of as o on o.snapshot_date = h.snapshot_date and o.opportunity_id = h.opportunity_id
    where h.left_at is not null and h.stage_index between 1 and 5
    group by h.snapshot_date, coalesce(o.motion, 'unspecified'), h.stage_index
),

stage_medians_any_motion as (
    select h.snapshot_date, h.stage_index, median(days_between(h.entered_at, h.left_at)) as median_days
    from history as h
    where h.left_at is not null and h.stage_index between 1 and 5
    group by h.snapshot_date, h.stage_index
),

recent_activities as (
    select a.snapshot_date, a.opportunity_id, count(*) as activities_14d
    from staging.activities_as_of as a
    inner join snapshots as s on s.snapshot_date = a.snapshot_date
    where a.occurred_at >= cast(a.snapshot_date as timestamp) + interval 1 day - interval 14 day
        and a.occurred_at < cast(a.snapshot_date as timestamp) + interval 1 day
    group by a.snapshot_date, a.opportunity_id
),

partners as (
    select p.snapshot_date, p.partner_id, p.tier
    from staging.partners_as_of as p
    inner join snapshots as s on s.snapshot_date = p.snapshot_date
),

certified as (
    select c.snapshot_date, c.partner_id, count(distinct c.person_email) as certified_people
    from staging.certifications_as_of as c
    inner join snapshots as s on s.snapshot_date = c.snapshot_date
    where c.earned_at < cast(c.snapshot_date as timestamp) + interval 1 day
        and (c.expires_at is null or c.expires_at >= cast(c.snapshot_date as timestamp) + interval 1 day)
    group by c.snapshot_date, c.partner_id
),

-- each partner's closed new-business record as of the snapshot (deals it is on, any attribution)
partner_closed as (
    select p.snapshot_date, p.partner_id,
        count(distinct o.opportunity_id) as closed_deals,
        count(distinct o.opportunity_id) filter (where o.is_won) as won_deals
    from staging.opportunity_partners_as_of as p
    inner join snapshots as s on s.snapshot_date = p.snapshot_date
    inner join staging.opportunities_as_of as o on o.snapshot_date = p.snapshot_date and o.opportunity_id = p.opportunity_id
    where o.is_closed and o.opportunity_type = 'new_business'
    group by p.snapshot_date, p.partner_id
),

program_closed as (
    select snapshot_date, sum(won_deals) / nullif(sum(closed_deals), 0) as win_rate
    from partner_closed
    group by snapshot_date
),

registrations as (
    select r.snapshot_date, r.registration_id, r.protection_end
    from staging.deal_registrations_as_of as r
    inner join snapshots as s on s.snapshot_date = r.snapshot_date
),

-- each owner's open partner deals gone quiet (no activity for more than 14 days), other than the deal itself
owner_quiet as (
    select snapshot_date, owner_email,
        count(*) as open_deals,
        count(*) filter (where days_between(coalesce(last_activity_at, created_at), cutoff_at) > 14) as quiet_deals
    from population
    group by snapshot_date, owner_email
),

label_snapshots as (
    select s.snapshot_date, min(l.snapshot_date) as label_snapshot_date
    from snapshots as s
    inner join all_snapshots as l on l.snapshot_date >= s.snapshot_date + cast($horizon as integer)
    group by s.snapshot_date
),

label_presence as (
    select ls.snapshot_date, o.opportunity_id, ls.label_snapshot_date
    from label_snapshots as ls
    inner join staging.opportunities_as_of as o on o.snapshot_date = ls.label_snapshot_date
),

advances as (
    select distinct p.snapshot_date, p.opportunity_id
    from population as p
    inner join label_snapshots as ls on ls.snapshot_date = p.snapshot_date
    inner join staging.stage_history_as_of as h
        on h.snapshot_date = ls.label_snapshot_date and h.opportunity_id = p.opportunity_id
    where h.entered_at >= p.cutoff_at
        and h.entered_at < p.cutoff_at + to_days(cast($horizon as integer))
        and h.stage_index > p.stage_index
)

select
    p.snapshot_date,
    p.opportunity_id,
    p.partner_id,
    p.motion,
    p.opportunity_type,
    cast(p.stage_index as integer) as stage_index,
    cast(p.arr as double) as arr,
    days_between(coalesce(cs.entered_at, p.created_at), p.cutoff_at) as stage_age_days,
    coalesce(sm.median_days, sa.median_days) as motion_median_stage_days,
    days_between(coalesce(p.last_activity_at, p.created_at), p.cutoff_at) as activity_age_days,
    days_between(coalesce(p.next_step_updated_at, p.created_at), p.cutoff_at) as next_step_age_days,
    cast(coalesce(ra.activities_14d, 0) as integer) as activities_14d,
    coalesce(pa.tier, 'unknown') as partner_tier,
    cast(coalesce(ce.certified_people, 0) as integer) as certified_people,
    cast(coalesce(pc.won_deals, 0) as integer) as partner_won_deals,
    cast(coalesce(pc.closed_deals, 0) as integer) as partner_closed_deals,
    cast(coalesce(pg.win_rate, 0.25) as double) as program_win_rate,
    p.deal_registration_id is not null as has_registration,
    case when r.protection_end is not null then cast(r.protection_end - p.snapshot_date as integer) end as protection_days_left,
    p.conflict_status,
    cast(p.partner_count as integer) as partner_count,
    days_between(p.created_at, p.cutoff_at) as deal_age_days,
    cast(p.close_date - p.snapshot_date as integer) as days_to_close_date,
    cast(fiscal_quarter_end(p.snapshot_date, cast($fiscal_month as integer)) - p.snapshot_date as integer) as days_to_quarter_end,
    cast(coalesce((oq.quiet_deals - case when days_between(coalesce(p.last_activity_at, p.created_at), p.cutoff_at) > 14 then 1 else 0 end)
        / nullif(oq.open_deals - 1, 0), 0) as double) as owner_quiet_share,
    lp.label_snapshot_date,
    case when lp.label_snapshot_date is null then null else adv.opportunity_id is null end as is_stalled
from population as p
left join current_stage as cs on cs.snapshot_date = p.snapshot_date and cs.opportunity_id = p.opportunity_id
left join stage_medians as sm on sm.snapshot_date = p.snapshot_date and sm.motion = p.motion and sm.stage_index = p.stage_index
left join stage_medians_any_motion as sa on sa.snapshot_date = p.snapshot_date and sa.stage_index = p.stage_index
left join recent_activities as ra on ra.snapshot_date = p.snapshot_date and ra.opportunity_id = p.opportunity_id
left join partners as pa on pa.snapshot_date = p.snapshot_date and pa.partner_id = p.partner_id
left join certified as ce on ce.snapshot_date = p.snapshot_date and ce.partner_id = p.partner_id
left join partner_closed as pc on pc.snapshot_date = p.snapshot_date and pc.partner_id = p.partner_id
left join program_closed as pg on pg.snapshot_date = p.snapshot_date
left join registrations as r on r.snapshot_date = p.snapshot_date and r.registration_id = p.deal_registration_id
left join owner_quiet as oq on oq.snapshot_date = p.snapshot_date and oq.owner_email = p.owner_email
left join label_presence as lp on lp.snapshot_date = p.snapshot_date and lp.opportunity_id = p.opportunity_id
left join advances as adv on adv.snapshot_date = p.snapshot_date and adv.opportunity_id = p.opportunity_id
order by p.snapshot_date, p.opportunity_id
