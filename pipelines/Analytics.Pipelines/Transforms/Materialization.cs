namespace Analytics.Pipelines.Transforms;

/// <summary>How a model is stored in the warehouse.</summary>
public enum Materialization
{
    /// <summary><c>create table ... as</c>: computed once per build (the default; analysts read fixed numbers).</summary>
    Table,

    /// <summary><c>create view ... as</c>: computed when read.</summary>
    View,
}
