with outcomes as (
    select fiscal_quarter, is_registered, won, lost, won_arr
    from marts.registration_outcomes
    where motion <> 'direct'
)

select
    fiscal_quarter,
    is_registered,
    sum(won) as won,
    sum(lost) as lost,
    sum(won) / nullif(sum(won) + sum(lost), 0) as win_rate,
    sum(won_arr) / nullif(sum(won), 0) as mean_won_arr
from outcomes
group by fiscal_quarter, is_registered
order by fiscal_quarter, is_registered desc
