using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Analytics.DuckDb;

/// <summary>
/// A value bound to a prepared statement. Named parameters match <c>$name</c> in SQL (a leading <c>$</c>, <c>@</c> or
/// <c>:</c> on <see cref="ParameterName"/> is ignored); unnamed parameters bind to <c>?</c> or <c>$1</c>, <c>$2</c>,
/// ... by position. The value's CLR type picks the DuckDB type; see <c>ParameterBinder</c>.
/// </summary>
public sealed class DuckDbParameter : DbParameter
{
    private string _name = string.Empty;

    /// <summary>An unnamed parameter with no value.</summary>
    public DuckDbParameter()
    {
    }

    /// <summary>A named parameter.</summary>
    public DuckDbParameter(string name, object? value)
    {
        ParameterName = name;
        Value = value;
    }

    /// <summary>A positional parameter.</summary>
    public DuckDbParameter(object? value) => Value = value;

    /// <inheritdoc />
    public override DbType DbType { get; set; } = DbType.Object;

    /// <summary>Only <see cref="ParameterDirection.Input"/>: DuckDB has no output parameters.</summary>
    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input)
            {
                throw new NotSupportedException("DuckDB supports only input parameters.");
            }
        }
    }

    /// <inheritdoc />
    public override bool IsNullable { get; set; } = true;

    /// <inheritdoc />
    [AllowNull]
    public override string ParameterName
    {
        get => _name;
        set => _name = value ?? string.Empty;
    }

    /// <summary>The name without a leading <c>$</c>, <c>@</c> or <c>:</c>.</summary>
    internal string BareName => Bare(_name);

    /// <summary><paramref name="name"/> without a leading <c>$</c>, <c>@</c> or <c>:</c>.</summary>
    internal static string Bare(string name) => name.Length > 0 && name[0] is '$' or '@' or ':' ? name[1..] : name;

    /// <inheritdoc />
    public override int Size { get; set; }

    /// <inheritdoc />
    [AllowNull]
    public override string SourceColumn { get; set; } = string.Empty;

    /// <inheritdoc />
    public override bool SourceColumnNullMapping { get; set; }

    /// <inheritdoc />
    public override object? Value { get; set; }

    /// <inheritdoc />
    public override void ResetDbType() => DbType = DbType.Object;
}
