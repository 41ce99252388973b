-- marts.registered_win_rates: win rate of partner deals (every motion but direct) with and without an approved
-- registration, per fiscal quarter (marts.registration_outcomes summed over motions): won / (won + lost) and the
-- mean ARR of the deals won. Null when the denominator is 0.
-- Grain: one row per (fiscal_quarter, is_registered) with at least one closed partner deal.
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
