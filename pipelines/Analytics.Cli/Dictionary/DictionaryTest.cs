namespace Analytics.Cli.Dictionary;

/// <summary>One data test of a table in the data dictionary: its definition, never its outcome.</summary>
/// <param name="Name">The test's name.</param>
/// <param name="Column">The column it checks; null for a test of the whole table.</param>
/// <param name="Type">Its kind: <c>not_null</c>, <c>accepted_values</c>, <c>expression</c>, ...</param>
/// <param name="Severity"><c>error</c> or <c>warn</c>.</param>
/// <param name="Description">The rule in words, from <c>catalog.tests</c>.</param>
internal sealed record DictionaryTest(string Name, string? Column, string Type, string Severity, string? Description);
