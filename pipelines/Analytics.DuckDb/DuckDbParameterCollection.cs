using System.Collections;
using System.Data.Common;

namespace Analytics.DuckDb;

/// <summary>The parameters of a <see cref="DuckDbCommand"/>.</summary>
public sealed class DuckDbParameterCollection : DbParameterCollection
{
    private readonly List<DuckDbParameter> _items = [];

    /// <inheritdoc />
    public override int Count => _items.Count;

    /// <inheritdoc />
    public override object SyncRoot => ((ICollection)_items).SyncRoot;

    /// <summary>The parameter at <paramref name="index"/>.</summary>
    public new DuckDbParameter this[int index] => _items[index];

    /// <summary>Adds a named parameter and returns it.</summary>
    public DuckDbParameter Add(string name, object? value)
    {
        var parameter = new DuckDbParameter(name, value);
        _items.Add(parameter);
        return parameter;
    }

    /// <summary>Adds a positional parameter and returns it.</summary>
    public DuckDbParameter AddPositional(object? value)
    {
        var parameter = new DuckDbParameter(value);
        _items.Add(parameter);
        return parameter;
    }

    /// <inheritdoc />
    public override int Add(object value)
    {
        _items.Add(Cast(value));
        return _items.Count - 1;
    }

    /// <inheritdoc />
    public override void AddRange(Array values)
    {
        foreach (var value in values)
        {
            Add(value!);
        }
    }

    /// <inheritdoc />
    public override void Clear() => _items.Clear();

    /// <inheritdoc />
    public override bool Contains(object value) => value is DuckDbParameter p && _items.Contains(p);

    /// <inheritdoc />
    public override bool Contains(string value) => IndexOf(value) >= 0;

    /// <inheritdoc />
    public override void CopyTo(Array array, int index) => ((ICollection)_items).CopyTo(array, index);

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    public override int IndexOf(object value) => value is DuckDbParameter p ? _items.IndexOf(p) : -1;

    /// <inheritdoc />
    public override int IndexOf(string parameterName)
    {
        var bare = DuckDbParameter.Bare(parameterName);
        return _items.FindIndex(p => string.Equals(p.BareName, bare, StringComparison.OrdinalIgnoreCase));
    }

    /// <inheritdoc />
    public override void Insert(int index, object value) => _items.Insert(index, Cast(value));

    /// <inheritdoc />
    public override void Remove(object value) => _items.Remove(Cast(value));

    /// <inheritdoc />
    public override void RemoveAt(int index) => _items.RemoveAt(index);

    /// <inheritdoc />
    public override void RemoveAt(string parameterName)
    {
        var index = IndexOf(parameterName);
        if (index >= 0)
        {
            _items.RemoveAt(index);
        }
    }

    /// <inheritdoc />
    protected override DbParameter GetParameter(int index) => _items[index];

    /// <inheritdoc />
    protected override DbParameter GetParameter(string parameterName) =>
        IndexOf(parameterName) is >= 0 and var index
            ? _items[index]
            : throw new IndexOutOfRangeException($"No parameter named '{parameterName}'.");

    /// <inheritdoc />
    protected override void SetParameter(int index, DbParameter value) => _items[index] = Cast(value);

    /// <inheritdoc />
    protected override void SetParameter(string parameterName, DbParameter value)
    {
        var index = IndexOf(parameterName);
        if (index < 0)
        {
            _items.Add(Cast(value));
        }
        else
        {
            _items[index] = Cast(value);
        }
    }

    internal DuckDbParameter? Find(string name) => IndexOf(name) is >= 0 and var index ? _items[index] : null;

    private static DuckDbParameter Cast(object value) =>
        value as DuckDbParameter ?? throw new InvalidCastException($"Only DuckDbParameter objects can be added, not {value?.GetType().Name ?? "null"}.");
}
