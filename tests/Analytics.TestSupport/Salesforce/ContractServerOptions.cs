namespace Analytics.TestSupport.Salesforce;

/// <summary>How the Salesforce contract server behaves: port, page sizes, API allowance, credentials.</summary>
public sealed record ContractServerOptions
{
    /// <summary>The loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Records per REST query page (Salesforce: up to 2000).</summary>
    public int QueryBatchSize { get; init; } = 2000;

    /// <summary>Records per Bulk result page when the client does not ask for fewer with maxRecords.</summary>
    public int BulkPageSize { get; init; } = 50_000;

    /// <summary>Polls a Bulk job answers before JobComplete: UploadComplete, then InProgress, … then JobComplete.</summary>
    public int BulkPollsToComplete { get; init; } = 2;

    /// <summary>The daily API allowance served in <c>Sforce-Limit-Info: api-usage=U/M</c> (M).</summary>
    public long ApiAllowance { get; init; } = 100_000;

    /// <summary>Calls already used today when the server starts (U's start).</summary>
    public long ApiUsedAtStart { get; init; }

    /// <summary>The JWT flow's consumer key (the JWT's iss).</summary>
    public string ConsumerKey { get; init; } = "3MVG9contract.server.consumer.key";

    /// <summary>The integration user's username (the JWT's sub).</summary>
    public string Username { get; init; } = "integration@partner-analytics.example";

    /// <summary>The client-credentials flow's client id.</summary>
    public string ClientId { get; init; } = "3MVG9contract.server.client.id";

    /// <summary>The client-credentials flow's client secret.</summary>
    public string ClientSecret { get; init; } = "contract-server-client-secret-7f3a9c";
}
