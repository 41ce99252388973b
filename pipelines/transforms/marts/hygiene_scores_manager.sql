-- An opportunity counts once per manager, however many of the manager's partners are on it; a deal with no
-- partner row (missing_partner) belongs to no manager.
with partners as (
    select partner_id, partner_manager_email from staging.partners
),

scope as (
    select opportunity_id from intermediate.ops_open_partner_opportunities
),

manager_deals as (
    select p.partner_manager_email, count(distinct r.opportunity_id) as open_partner_opportunities
    from staging.opportunity_partners as r
    inner join scope as s on s.opportunity_id = r.opportunity_id
    inner join partners as p on p.partner_id = r.partner_id
    group by p.partner_manager_email
),

manager_findings as (
    select p.partner_manager_email, count(distinct f.opportunity_id) as with_findings
    from intermediate.ops_hygiene_findings as f
    inner join partners as p on p.partner_id = f.partner_id
    group by p.partner_manager_email
),

managers as (
    select partner_manager_email, count(*) as partners
    from partners
    group by partner_manager_email
)

select
    m.partner_manager_email,
    m.partners,
    coalesce(d.open_partner_opportunities, 0) as open_partner_opportunities,
    coalesce(f.with_findings, 0) as with_findings,
    (coalesce(d.open_partner_opportunities, 0) - coalesce(f.with_findings, 0))
        / nullif(coalesce(d.open_partner_opportunities, 0), 0) as hygiene_score
from managers as m
left join manager_deals as d on d.partner_manager_email = m.partner_manager_email
left join manager_findings as f on f.partner_manager_email = m.partner_manager_email
order by m.partner_manager_email
