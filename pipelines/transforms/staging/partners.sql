select
    cast(partner_id as varchar) as partner_id,
    cast(name as varchar) as name,
    cast(partner_type as varchar) as partner_type,
    cast(tier as varchar) as tier,
    cast(region as varchar) as region,
    cast(vertical as varchar) as vertical,
    cast(partner_manager_email as varchar) as partner_manager_email,
    cast(joined_at as timestamp) as joined_at,
    cast(status as varchar) as status,
    cast(offboarded_at as timestamp) as offboarded_at,
    snapshot_date
from lake.partners
