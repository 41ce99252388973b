select
    cast(lead_id as varchar) as lead_id,
    cast(partner_id as varchar) as partner_id,
    cast(company_name as varchar) as company_name,
    cast(company_domain as varchar) as company_domain,
    cast(submitted_at as timestamp) as submitted_at,
    cast(first_response_at as timestamp) as first_response_at,
    cast(decided_at as timestamp) as decided_at,
    cast(status as varchar) as status,
    cast(first_meeting_at as timestamp) as first_meeting_at,
    cast(converted_opportunity_id as varchar) as converted_opportunity_id,
    snapshot_date
from lake.lead_registrations
