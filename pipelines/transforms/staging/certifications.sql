select
    cast(certification_id as varchar) as certification_id,
    cast(partner_id as varchar) as partner_id,
    cast(person_email as varchar) as person_email,
    cast(certification as varchar) as certification,
    cast(earned_at as timestamp) as earned_at,
    cast(expires_at as timestamp) as expires_at,
    snapshot_date
from lake.certifications
