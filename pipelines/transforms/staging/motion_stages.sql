-- Kept equal to Analytics.Pipelines.Crm.MotionStages by a test.
with open_stages as (
    select motion, stage_index, stage
    from (values
        ('direct', 1, 'discovery'), ('direct', 2, 'qualification'), ('direct', 3, 'proposal'),
        ('direct', 4, 'negotiation'), ('direct', 5, 'commit'),
        ('referral', 1, 'intro_logged'), ('referral', 2, 'validate'), ('referral', 3, 'prove_value'),
        ('referral', 4, 'commercials'), ('referral', 5, 'closed_credit'),
        ('reseller', 1, 'deal_registration'), ('reseller', 2, 'qualification'), ('reseller', 3, 'configure_quote'),
        ('reseller', 4, 'transact'), ('reseller', 5, 'launch_enable'),
        ('marketplace', 1, 'listing_ready'), ('marketplace', 2, 'private_offer'), ('marketplace', 3, 'procurement'),
        ('marketplace', 4, 'close_disburse'), ('marketplace', 5, 'adopt_expand'),
        ('services', 1, 'solution_design'), ('services', 2, 'proof_workshop'), ('services', 3, 'commercials'),
        ('services', 4, 'delivery'), ('services', 5, 'handoff'),
        ('tech', 1, 'integration_fit'), ('tech', 2, 'field_readiness'), ('tech', 3, 'pipeline_activation'),
        ('tech', 4, 'validation'), ('tech', 5, 'commercials_close')
    ) as stages (motion, stage_index, stage)
),

motions as (
    select distinct motion from open_stages
),

closed_stages as (
    select motion, 0 as stage_index, 'closed_lost' as stage from motions
    union all
    select motion, 6 as stage_index, 'closed_won' as stage from motions
)

select
    cast(motion as varchar) as motion,
    cast(stage_index as integer) as stage_index,
    cast(stage as varchar) as stage,
    stage_index between 1 and 5 as is_open_stage
from (select * from open_stages union all select * from closed_stages)
order by motion, stage_index
