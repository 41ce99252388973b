-- Converted and expired registrations were approved first, so they count as approved when decided_at is set.
-- The SLA clock stops at decided_at.
with registrations as (
    select * from staging.deal_registrations
),

accounts as (
    select account_id, lower(trim(domain)) as domain_key from staging.accounts
),

-- a registration not yet matched to an account is placed on the account whose domain equals its company_domain
-- (case-insensitive); when several accounts share a domain the lowest account_id wins
accounts_by_domain as (
    select domain_key, min(account_id) as account_id
    from accounts
    group by domain_key
),

partners as (
    select partner_id, name as partner_name, partner_manager_email from staging.partners
),

settings as (
    select
        cast(getvariable('fiscal_year_start_month') as integer) as start_month,
        cast(getvariable('snapshot_date') as date) as snapshot_date,
        cast(getvariable('snapshot_date') as timestamp) + interval 1 day as cutoff_at
),

decided as (
    select
        r.registration_id,
        r.partner_id,
        p.partner_name,
        p.partner_manager_email,
        r.account_id,
        coalesce(r.account_id, d.account_id) as resolved_account_id,
        r.company_name,
        r.company_domain,
        r.opportunity_id,
        r.submitted_at,
        r.decided_at,
        r.status,
        case
            when r.status = 'declined' then 'declined'
            when r.status in ('approved', 'converted', 'expired') and r.decided_at is not null then 'approved'
            else 'undecided'
        end as decision,
        coalesce(r.decline_reason, 'unspecified') as decline_reason,
        r.protection_start,
        r.protection_end,
        r.extension_count,
        fiscal_quarter(r.submitted_at, s.start_month) as submitted_quarter,
        r.submitted_at + interval 48 hour as decision_due_at,
        case when r.decided_at is not null then hours_between(r.submitted_at, r.decided_at) end as decision_hours,
        sla_status(r.decided_at, r.submitted_at + interval 48 hour, s.cutoff_at) as decision_sla_status,
        s.snapshot_date
    from registrations as r
    cross join settings as s
    left join accounts_by_domain as d on d.domain_key = lower(trim(r.company_domain))
    left join partners as p on p.partner_id = r.partner_id
)

select
    registration_id,
    partner_id,
    partner_name,
    partner_manager_email,
    account_id,
    resolved_account_id,
    company_name,
    company_domain,
    opportunity_id,
    submitted_at,
    decided_at,
    status,
    decision,
    case when decision = 'declined' then decline_reason end as decline_reason,
    protection_start,
    protection_end,
    extension_count,
    submitted_quarter,
    decision_due_at,
    decision_hours,
    decision_sla_status,
    -- a protection holds while the registration is approved or converted and its window covers the day
    status in ('approved', 'converted') and protection_start is not null and protection_end is not null
        as has_protection,
    status in ('approved', 'converted')
        and protection_start <= snapshot_date and protection_end >= snapshot_date as is_protection_running,
    -- expired without a converted opportunity: status expired, or still approved with its last protected day
    -- before the snapshot date (a source that does not flip the status), and no opportunity
    opportunity_id is null
        and (status = 'expired' or (status = 'approved' and protection_end < snapshot_date))
        as is_expired_unconverted
from decided
