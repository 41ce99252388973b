with registrations as (
    select
        registration_id, partner_id, partner_name, partner_manager_email, account_id, company_name, company_domain, status,
        submitted_at, protection_start, protection_end, extension_count, is_expired_unconverted
    from intermediate.ops_registrations
),

settings as (
    select
        cast(getvariable('fiscal_year_start_month') as integer) as start_month,
        cast(getvariable('snapshot_date') as date) as snapshot_date
)

select
    r.registration_id,
    r.partner_id,
    r.partner_name,
    r.partner_manager_email,
    r.account_id,
    r.company_name,
    r.company_domain,
    r.status,
    r.submitted_at,
    r.protection_start,
    r.protection_end,
    fiscal_quarter(r.protection_end, s.start_month) as expired_quarter,
    cast(s.snapshot_date - r.protection_end as integer) as days_since_end,
    r.extension_count
from registrations as r
cross join settings as s
where r.is_expired_unconverted
order by r.protection_end, r.registration_id
