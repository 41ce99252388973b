-- A lead carries no account_id, so its segment is looked up by company_domain (case-insensitive; the lowest
-- account_id when several accounts share a domain).
with leads as (
    select * from staging.lead_registrations
),

accounts as (
    select account_id, lower(trim(domain)) as domain_key, segment from staging.accounts
),

accounts_by_domain as (
    select domain_key, arg_min(segment, account_id) as segment
    from accounts
    group by domain_key
),

opportunities as (
    select opportunity_id, segment from intermediate.opportunities
),

settings as (
    select
        cast(getvariable('fiscal_year_start_month') as integer) as start_month,
        cast(getvariable('snapshot_date') as timestamp) + interval 1 day as cutoff_at
)

select
    l.lead_id,
    l.partner_id,
    l.company_name,
    l.company_domain,
    coalesce(d.segment, o.segment, 'unknown') as segment,
    case
        when d.segment is not null then 'account_domain'
        when o.segment is not null then 'converted_opportunity'
        else 'unknown'
    end as segment_source,
    l.submitted_at,
    fiscal_quarter(l.submitted_at, s.start_month) as submitted_quarter,
    l.first_response_at,
    l.decided_at,
    l.status,
    l.first_meeting_at,
    l.converted_opportunity_id,
    case when l.first_response_at is not null then hours_between(l.submitted_at, l.first_response_at) end
        as first_response_hours,
    sla_status(l.first_response_at, l.submitted_at + interval 24 hour, s.cutoff_at) as response_sla_status,
    sla_status(l.first_meeting_at, l.submitted_at + interval 14 day, s.cutoff_at) as meeting_sla_status
from leads as l
cross join settings as s
left join accounts_by_domain as d on d.domain_key = lower(trim(l.company_domain))
left join opportunities as o on o.opportunity_id = l.converted_opportunity_id
