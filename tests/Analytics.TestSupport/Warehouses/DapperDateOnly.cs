using System.Data;
using System.Runtime.CompilerServices;
using Dapper;

namespace Analytics.TestSupport.Warehouses;

/// <summary>
/// DuckDB DATE values read as <see cref="DateOnly"/>, which Dapper 2.1 cannot convert on its own; registered when the
/// test-support assembly loads (every warehouse helper is in it) so queries can map dates to DateOnly (and DateTime) members.
/// </summary>
internal sealed class DapperDateOnly : SqlMapper.TypeHandler<DateOnly>
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Test support: every test assembly that loads these helpers reads DuckDB dates through Dapper.")]
    internal static void Register() => SqlMapper.AddTypeHandler(new DapperDateOnly());

    public override DateOnly Parse(object value) => value switch
    {
        DateOnly date => date,
        DateTime time => DateOnly.FromDateTime(time),
        _ => throw new InvalidCastException($"Cannot read {value.GetType().Name} as DateOnly."),
    };

    public override void SetValue(IDbDataParameter parameter, DateOnly value) => parameter.Value = value;
}
