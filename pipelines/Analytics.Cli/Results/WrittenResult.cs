namespace Analytics.Cli.Results;

/// <summary>What writing one result did: how many rows it had and how many of them were written.</summary>
/// <param name="Rows">Every row of the result (table mode reads them all to count them).</param>
/// <param name="Written">The rows written: all of them in csv and json mode, at most max-rows in table mode.</param>
internal readonly record struct WrittenResult(long Rows, long Written)
{
    /// <summary>Whether rows were left out (table mode's max-rows).</summary>
    public bool Truncated => Written < Rows;
}
