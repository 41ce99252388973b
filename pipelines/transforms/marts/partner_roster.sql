with partners as (
    select partner_id, name, partner_type, tier, partner_manager_email, region, status
    from staging.partners
)

select
    partner_id,
    name,
    partner_type,
    tier,
    partner_manager_email,
    region,
    status,
    status = 'active' as is_active
from partners
order by name, partner_id
