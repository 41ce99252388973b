-- days_between(from_ts, to_ts): elapsed time in days, fractional (36 hours = 1.5), as DOUBLE.
-- Cycle times and stage durations use elapsed time, not calendar-day boundaries crossed.
create or replace macro days_between(from_ts, to_ts) as
    (epoch(cast(to_ts as timestamp)) - epoch(cast(from_ts as timestamp))) / 86400.0;

-- hours_between(from_ts, to_ts): elapsed time in hours, fractional, as DOUBLE.
create or replace macro hours_between(from_ts, to_ts) as
    (epoch(cast(to_ts as timestamp)) - epoch(cast(from_ts as timestamp))) / 3600.0;
