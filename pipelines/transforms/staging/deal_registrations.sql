select
    cast(registration_id as varchar) as registration_id,
    cast(partner_id as varchar) as partner_id,
    cast(account_id as varchar) as account_id,
    cast(company_name as varchar) as company_name,
    cast(company_domain as varchar) as company_domain,
    cast(opportunity_id as varchar) as opportunity_id,
    cast(submitted_at as timestamp) as submitted_at,
    cast(decided_at as timestamp) as decided_at,
    cast(status as varchar) as status,
    cast(decline_reason as varchar) as decline_reason,
    cast(protection_start as date) as protection_start,
    cast(protection_end as date) as protection_end,
    cast(extension_count as bigint) as extension_count,
    snapshot_date
from lake.deal_registrations
