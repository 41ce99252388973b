-- A deal-level finding is repeated for every partner on the deal so that each partner's scorecard sees it.
-- Renewals and expansions through a reseller are not registered, so reseller_without_registration checks new_business only.
with scope as (
    select * from intermediate.ops_open_partner_opportunities
),

partner_rows as (
    select opportunity_id, partner_id, role, attribution, attribution_pct from staging.opportunity_partners
),

partners as (
    select partner_id, partner_manager_email from staging.partners
),

deal_partners as (
    select s.opportunity_id, r.partner_id
    from scope as s
    left join (select distinct opportunity_id, partner_id from partner_rows) as r
        on r.opportunity_id = s.opportunity_id
),

deal_findings as (
    select opportunity_id, 'missing_motion' as finding, 'motion is blank' as detail, null::double as age_days
    from scope
    where motion is null

    union all

    select
        opportunity_id,
        'reseller_without_registration',
        'new-business reseller deal without a deal registration',
        null
    from scope
    where motion = 'reseller' and opportunity_type = 'new_business' and deal_registration_id is null

    union all

    select
        opportunity_id,
        'stale_next_step',
        case
            when next_step_updated_at is null then 'next step never updated'
            else format(
                'next step {} days old (last updated {})',
                cast(floor(next_step_age_days) as integer), strftime(next_step_updated_at, '%Y-%m-%d')
            )
        end,
        next_step_age_days
    from scope
    where next_step_updated_at is null or next_step_updated_at < cutoff_at - interval 7 day

    union all

    select
        opportunity_id,
        'no_recent_activity',
        case
            when last_activity_at is null then 'no activity ever logged'
            else format(
                'no activity for {} days (last on {})',
                cast(floor(activity_age_days) as integer), strftime(last_activity_at, '%Y-%m-%d')
            )
        end,
        activity_age_days
    from scope
    where last_activity_at is null or last_activity_at < cutoff_at - interval 14 day
),

missing_partner as (
    select
        opportunity_id,
        null::varchar as partner_id,
        'missing_partner' as finding,
        format('{} motion but no partner attached', motion) as detail,
        null::double as age_days
    from scope
    where partner_count = 0
),

missing_attribution as (
    select
        r.opportunity_id,
        r.partner_id,
        'missing_attribution' as finding,
        string_agg(
            format(
                '{} row has no {}',
                r.role,
                case
                    when r.attribution is null and r.attribution_pct is null then 'attribution or attribution_pct'
                    when r.attribution is null then 'attribution (sourced or influenced)'
                    else 'attribution_pct'
                end
            ),
            '; ' order by r.role
        ) as detail,
        null::double as age_days
    from partner_rows as r
    inner join scope as s on s.opportunity_id = r.opportunity_id
    where r.attribution is null or r.attribution_pct is null
    group by r.opportunity_id, r.partner_id
),

findings as (
    select f.opportunity_id, p.partner_id, f.finding, f.detail, f.age_days
    from deal_findings as f
    inner join deal_partners as p on p.opportunity_id = f.opportunity_id
    union all
    select opportunity_id, partner_id, finding, detail, age_days from missing_partner
    union all
    select opportunity_id, partner_id, finding, detail, age_days from missing_attribution
)

select
    f.opportunity_id,
    f.partner_id,
    f.finding,
    f.detail,
    f.age_days,
    p.partner_manager_email,
    s.opportunity_name,
    s.account_id,
    s.owner_email,
    s.reporting_motion,
    s.opportunity_type,
    s.stage,
    s.arr
from findings as f
inner join scope as s on s.opportunity_id = f.opportunity_id
left join partners as p on p.partner_id = f.partner_id
