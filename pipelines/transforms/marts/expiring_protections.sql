with registrations as (
    select
        registration_id, partner_id, partner_name, partner_manager_email, account_id, company_name, company_domain, status,
        opportunity_id, protection_start, protection_end, extension_count
    from intermediate.ops_registrations
),

accounts as (
    select account_id, name as account_name from staging.accounts
)

select
    r.registration_id,
    r.partner_id,
    r.partner_name,
    r.partner_manager_email,
    r.account_id,
    a.account_name,
    r.company_name,
    r.company_domain,
    r.protection_start,
    r.protection_end,
    cast(r.protection_end - s.snapshot_date as integer) as days_left,
    r.extension_count
from registrations as r
cross join (select cast(getvariable('snapshot_date') as date) as snapshot_date) as s
left join accounts as a on a.account_id = r.account_id
where r.status = 'approved'
    and r.opportunity_id is null
    and r.protection_end between s.snapshot_date and s.snapshot_date + 7
order by r.protection_end, r.registration_id
