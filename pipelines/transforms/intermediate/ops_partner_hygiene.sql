-- missing_partner_count is always 0 here: such a deal has no partner row, so there is no partner to charge it to.
with partners as (
    select partner_id, name as partner_name, partner_type, tier, status, partner_manager_email
    from staging.partners
),

scope as (
    select opportunity_id from intermediate.ops_open_partner_opportunities
),

partner_deals as (
    select r.partner_id, count(distinct r.opportunity_id) as open_partner_opportunities
    from staging.opportunity_partners as r
    inner join scope as s on s.opportunity_id = r.opportunity_id
    group by r.partner_id
),

findings as (
    select
        partner_id,
        count(distinct opportunity_id) as with_findings,
        count(distinct opportunity_id) filter (where finding = 'missing_motion') as missing_motion_count,
        count(distinct opportunity_id) filter (where finding = 'missing_partner') as missing_partner_count,
        count(distinct opportunity_id) filter (where finding = 'missing_attribution') as missing_attribution_count,
        count(distinct opportunity_id) filter (where finding = 'reseller_without_registration')
            as reseller_without_registration_count,
        count(distinct opportunity_id) filter (where finding = 'stale_next_step') as stale_next_step_count,
        count(distinct opportunity_id) filter (where finding = 'no_recent_activity') as no_recent_activity_count
    from intermediate.ops_hygiene_findings
    where partner_id is not null
    group by partner_id
)

select
    p.partner_id,
    p.partner_name,
    p.partner_type,
    p.tier,
    p.status,
    p.partner_manager_email,
    coalesce(d.open_partner_opportunities, 0) as open_partner_opportunities,
    coalesce(f.with_findings, 0) as with_findings,
    (coalesce(d.open_partner_opportunities, 0) - coalesce(f.with_findings, 0))
        / nullif(coalesce(d.open_partner_opportunities, 0), 0) as hygiene_score,
    coalesce(f.missing_motion_count, 0) as missing_motion_count,
    coalesce(f.missing_partner_count, 0) as missing_partner_count,
    coalesce(f.missing_attribution_count, 0) as missing_attribution_count,
    coalesce(f.reseller_without_registration_count, 0) as reseller_without_registration_count,
    coalesce(f.stale_next_step_count, 0) as stale_next_step_count,
    coalesce(f.no_recent_activity_count, 0) as no_recent_activity_count
from partners as p
left join partner_deals as d on d.partner_id = p.partner_id
left join findings as f on f.partner_id = p.partner_id
