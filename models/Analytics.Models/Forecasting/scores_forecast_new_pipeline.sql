-- scores.forecast_new_pipeline: the new-pipeline allowance the current forecast uses (sourced ARR won in a quarter
-- from deals not yet in the sourced pipeline at a snapshot, per ARR of open sourced pipeline and day then left). Grain: one row per (motion,
-- time_left_bucket). Filled by PipelineForecaster.Score from the model file.
create schema if not exists scores;

create or replace table scores.forecast_new_pipeline (
    motion varchar not null,
    time_left_bucket integer not null,
    time_left varchar not null,
    snapshots bigint not null,
    days_left bigint not null,
    pipeline_arr_days double not null,
    new_arr decimal(18, 2) not null,
    rate double not null,
    quarters varchar not null,
    outcomes_known_by date not null,
    model_version varchar not null,
    scored_at timestamp not null
);
