namespace Analytics.Cli.Shell;

/// <summary>
/// How <c>analytics sql</c> keeps the warehouse unchanged. DuckDB itself refuses every change to a database opened
/// read-only (insert, update, delete, create, drop, alter); <see cref="Explain"/> turns that refusal into a message
/// saying why. DuckDB does not stop a read-only connection from writing files, though, and <c>COPY ... TO</c> (or
/// <c>EXPORT DATABASE</c>) aimed at the warehouse's path truncates it: <see cref="Refusal"/> stops those statements
/// before DuckDB sees them. Results reach files through <c>.output</c> / <c>--output</c> instead.
/// </summary>
internal static class WarehouseProtection
{
    /// <summary>Why <paramref name="statement"/> is refused before it runs; null when it may run.</summary>
    public static string? Refusal(string statement)
    {
        var words = SqlText.LeadingWords(statement, 3);
        var verb = words is ["explain", "analyze", var analyzed] ? analyzed : words.Count > 0 ? words[0] : string.Empty;
        return verb is "copy" or "export"
            ? $"`analytics sql` writes no files of its own accord: {verb.ToUpperInvariant()} is refused here (a COPY aimed at the warehouse's path would destroy it). "
              + "Write results with `.mode csv|json` and `.output FILE` (or --mode and --output)."
            : null;
    }

    /// <summary>DuckDB's <paramref name="message"/>, explained when it is the refusal to change the read-only warehouse <paramref name="database"/>.</summary>
    public static string Explain(string message, string database) =>
        message.Contains($"on database \"{database}\" which is attached in read-only mode", StringComparison.Ordinal)
            ? $"the warehouse is read-only here: `analytics sql` never changes it (rebuild it with `analytics transform`). DuckDB: {message}"
            : message;
}
