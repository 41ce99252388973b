namespace Analytics.TestSupport.Salesforce.Soql;

/// <summary>A parsed SOQL query of the subset the contract server evaluates.</summary>
internal sealed record SoqlQuery(IReadOnlyList<string> Select, bool IsCount, string From, SoqlCondition? Where, IReadOnlyList<SoqlOrder> OrderBy, int? Limit);

internal sealed record SoqlOrder(string Path, bool Descending);

internal abstract record SoqlCondition;

internal sealed record SoqlComparison(string Path, string Operator, object? Value) : SoqlCondition;

internal sealed record SoqlIn(string Path, IReadOnlyList<object?> Values, bool Negated) : SoqlCondition;

internal sealed record SoqlAnd(SoqlCondition Left, SoqlCondition Right) : SoqlCondition;

internal sealed record SoqlOr(SoqlCondition Left, SoqlCondition Right) : SoqlCondition;

internal sealed record SoqlNot(SoqlCondition Inner) : SoqlCondition;

/// <summary>A query Salesforce would refuse; <see cref="ErrorCode"/> is MALFORMED_QUERY or INVALID_FIELD or INVALID_TYPE.</summary>
internal sealed class SoqlException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
}
