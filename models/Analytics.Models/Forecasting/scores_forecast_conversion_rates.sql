-- scores.forecast_conversion_rates: the conversion rates the current forecast uses, observed and after shrinkage.
-- Grain: one row per (motion, stage_index, time_left_bucket). Filled by PipelineForecaster.Score from the model file.
create schema if not exists scores;

create or replace table scores.forecast_conversion_rates (
    motion varchar not null,
    stage_index integer not null,
    stage varchar,
    time_left_bucket integer not null,
    time_left varchar not null,
    observations bigint not null,
    deals bigint not null,
    won_observations bigint not null,
    sourced_arr decimal(18, 2) not null,
    won_arr decimal(18, 2) not null,
    observed_rate double,
    stage_rate double not null,
    motion_rate double not null,
    rate double not null,
    weighting varchar not null,
    pseudo_count double not null,
    outcomes_known_by date not null,
    model_version varchar not null,
    scored_at timestamp not null
);
