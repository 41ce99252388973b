select
    cast(response_id as varchar) as response_id,
    cast(partner_id as varchar) as partner_id,
    cast(account_id as varchar) as account_id,
    cast(score as bigint) as score,
    cast(responded_at as timestamp) as responded_at,
    snapshot_date
from lake.csat_responses
