select
    cast(proof_id as varchar) as proof_id,
    cast(partner_id as varchar) as partner_id,
    cast(proof_type as varchar) as proof_type,
    cast(recorded_at as timestamp) as recorded_at,
    snapshot_date
from lake.partner_proofs
