namespace Analytics.TestSupport.Salesforce.Soql;

/// <summary>
/// A parsed query bound to the org: each field path resolved to its steps (reference hops, then a field), checked
/// against the org's fields (an unknown or hidden one is INVALID_FIELD). <see cref="Run"/> takes a snapshot of the
/// matching rows (references only); <see cref="Project"/> reads the selected values of a row.
/// </summary>
internal sealed class SoqlPlan
{
    private readonly SalesforceOrg _org;
    private readonly SoqlQuery _query;
    private readonly Dictionary<string, SoqlPath> _paths = new(StringComparer.OrdinalIgnoreCase);

    private SoqlPlan(SalesforceOrg org, SoqlQuery query, SObjectTable table, Func<string, string, bool> hidden)
    {
        _org = org;
        _query = query;
        Table = table;
        foreach (var path in query.Select.Concat(query.OrderBy.Select(o => o.Path)).Concat(Paths(query.Where)))
        {
            if (!_paths.ContainsKey(path))
            {
                _paths.Add(path, SoqlPath.Bind(org, table, path, hidden));
            }
        }

        Selected = [.. query.Select.Select(p => _paths[p])];
        SelectedParts = [.. query.Select.Select(p => p.Split('.'))];
    }

    public SalesforceOrg Org => _org;

    /// <summary>The selected paths split at their dots, for the JSON writer.</summary>
    public IReadOnlyList<string[]> SelectedParts { get; }

    public SObjectTable Table { get; }

    public bool IsCount => _query.IsCount;

    /// <summary>The selected paths in order.</summary>
    public IReadOnlyList<SoqlPath> Selected { get; }

    /// <summary>Parses and binds <paramref name="soql"/>; throws <see cref="SoqlException"/> as Salesforce would refuse it.</summary>
    public static SoqlPlan Prepare(SalesforceOrg org, string soql, Func<string, string, bool> hidden)
    {
        var query = SoqlParser.Parse(soql);
        lock (org.Gate)
        {
            var table = org.Find(query.From)
                ?? throw new SoqlException("INVALID_TYPE", $"sObject type '{query.From}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.");
            return new SoqlPlan(org, query, table, hidden);
        }
    }

    /// <summary>The matching rows, in order, limited; deleted rows only when <paramref name="includeDeleted"/> (queryAll).</summary>
    public List<object?[]> Run(bool includeDeleted)
    {
        lock (_org.Gate)
        {
            var rows = new List<object?[]>();
            foreach (var row in Table.Rows)
            {
                if (row is null || (!includeDeleted && SObjectTable.IsDeleted(row, Table.DeletedSlot)))
                {
                    continue;
                }

                if (_query.Where is null || Matches(_query.Where, row) == true)
                {
                    rows.Add(row);
                }
            }

            if (_query.OrderBy.Count > 0)
            {
                var keys = _query.OrderBy.Select(o => (Path: _paths[o.Path], o.Descending)).ToList();
                rows.Sort((a, b) =>
                {
                    foreach (var (path, descending) in keys)
                    {
                        var c = SoqlValues.Order(path.Read(a), path.Read(b));
                        if (c != 0)
                        {
                            return descending ? -c : c;
                        }
                    }

                    return 0;
                });
            }

            if (_query.Limit is { } limit && rows.Count > limit)
            {
                rows.RemoveRange(limit, rows.Count - limit);
            }

            return rows;
        }
    }

    /// <summary>The selected values of <paramref name="rows"/>, read under the org's lock (references resolve to the current parents).</summary>
    public List<object?[]> Project(IEnumerable<object?[]> rows)
    {
        lock (_org.Gate)
        {
            var result = new List<object?[]>();
            foreach (var row in rows)
            {
                var values = new object?[Selected.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = Selected[i].Read(row);
                }

                result.Add(values);
            }

            return result;
        }
    }

    private bool? Matches(SoqlCondition condition, object?[] row) => condition switch
    {
        SoqlAnd and => Matches(and.Left, row) == true && Matches(and.Right, row) == true,
        SoqlOr or => Matches(or.Left, row) == true || Matches(or.Right, row) == true,
        SoqlNot not => !(Matches(not.Inner, row) == true),
        SoqlIn @in => @in.Values.Any(v => Equal(_paths[@in.Path].Read(row), v)) != @in.Negated,
        SoqlComparison c => Compare(c, _paths[c.Path].Read(row)),
        _ => throw new InvalidOperationException(condition.GetType().Name),
    };

    private static bool Compare(SoqlComparison c, object? value)
    {
        if (c.Operator is "=" or "!=")
        {
            return Equal(value, c.Value) == (c.Operator == "=");
        }

        var order = SoqlValues.Compare(value, c.Value);
        return order is { } o && c.Operator switch
        {
            "<" => o < 0,
            "<=" => o <= 0,
            ">" => o > 0,
            _ => o >= 0,
        };
    }

    private static bool Equal(object? value, object? literal) =>
        value is null || literal is null ? value is null && literal is null : SoqlValues.Compare(value, literal) == 0;

    private static IEnumerable<string> Paths(SoqlCondition? condition) => condition switch
    {
        null => [],
        SoqlAnd and => Paths(and.Left).Concat(Paths(and.Right)),
        SoqlOr or => Paths(or.Left).Concat(Paths(or.Right)),
        SoqlNot not => Paths(not.Inner),
        SoqlIn @in => [@in.Path],
        SoqlComparison c => [c.Path],
        _ => [],
    };
}
