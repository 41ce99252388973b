select
    cast(account_id as varchar) as account_id,
    cast(name as varchar) as name,
    cast(domain as varchar) as domain,
    cast(region as varchar) as region,
    cast(segment as varchar) as segment,
    cast(owner_email as varchar) as owner_email,
    cast(incumbent_partner_id as varchar) as incumbent_partner_id,
    snapshot_date
from lake.accounts
