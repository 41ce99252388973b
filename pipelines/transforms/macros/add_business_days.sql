-- business_day_start(ts): the moment a business-day clock starts for ts. A weekday timestamp starts at once; a
-- Saturday or Sunday one starts on the following Monday at 00:00 (the weekend does not count, and the whole Monday
-- does). Business days are Monday to Friday; there is no holiday calendar.
create or replace macro business_day_start(ts) as
    case isodow(cast(ts as timestamp))
        when 6 then date_trunc('day', cast(ts as timestamp)) + interval 2 day
        when 7 then date_trunc('day', cast(ts as timestamp)) + interval 1 day
        else cast(ts as timestamp)
    end;

-- add_business_days(ts, n): ts moved forward by n business days (n >= 0), keeping the time of day and skipping
-- weekends; a weekend ts first moves to Monday 00:00 (business_day_start). So Friday 10:00 + 5 = the next Friday
-- 10:00, Thursday 10:00 + 2 = Monday 10:00, Saturday 15:00 + 5 = the Monday after next, 00:00.
-- Used for "resolution plan within 5 business days" (DOMAIN.md "SLAs the reports watch").
create or replace macro add_business_days(ts, n) as
    business_day_start(ts)
    + to_days(cast(
        (n // 5) * 7
        + n % 5
        + case when isodow(business_day_start(ts)) + n % 5 > 5 then 2 else 0 end
      as integer));
