using System.Data;
using System.Runtime.CompilerServices;
using Dapper;

namespace Analytics.Pipelines.Tests;

/// <summary>
/// DuckDB DATE values read as <see cref="DateOnly"/>, which Dapper 2.1 cannot convert on its own; registered for the
/// whole test assembly so queries can map dates to DateOnly (and DateTime) members.
/// </summary>
internal sealed class DapperDateOnly : SqlMapper.TypeHandler<DateOnly>
{
    [ModuleInitializer]
    internal static void Register() => SqlMapper.AddTypeHandler(new DapperDateOnly());

    public override DateOnly Parse(object value) => value switch
    {
        DateOnly date => date,
        DateTime time => DateOnly.FromDateTime(time),
        _ => throw new InvalidCastException($"Cannot read {value.GetType().Name} as DateOnly."),
    };

    public override void SetValue(IDbDataParameter parameter, DateOnly value) => parameter.Value = value;
}
