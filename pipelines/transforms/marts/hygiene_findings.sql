-- The rules are in intermediate.ops_hygiene_findings.
select
    opportunity_id,
    partner_id,
    finding,
    detail,
    age_days,
    partner_manager_email,
    opportunity_name,
    account_id,
    owner_email,
    reporting_motion,
    opportunity_type,
    stage,
    arr
from intermediate.ops_hygiene_findings
order by opportunity_id, partner_id nulls first, finding
