namespace Analytics.Pipelines.Transforms;

/// <summary>The kinds of data test a model's YAML can declare (in the manner of dbt).</summary>
public enum DataTestKind
{
    /// <summary>A column holds no duplicate values.</summary>
    Unique,

    /// <summary>A column holds no nulls.</summary>
    NotNull,

    /// <summary>A column holds only listed values (nulls pass; pair with not_null).</summary>
    AcceptedValues,

    /// <summary>Every non-null value of a column exists in a column of another model.</summary>
    Relationships,

    /// <summary>A combination of columns is unique (a composite grain).</summary>
    UniqueCombination,

    /// <summary>A SQL query or predicate that returns the failing rows.</summary>
    Expression,

    /// <summary>Built in: the model's columns and its YAML's columns are the same set.</summary>
    ColumnsDocumented,
}
