namespace Analytics.TestSupport.HubSpot;

/// <summary>How the HubSpot contract server behaves: its token, page sizes and limits.</summary>
public sealed record HubSpotContractServerOptions
{
    /// <summary>The bearer token it accepts.</summary>
    public string Token { get; init; } = "pat-na1-" + Guid.NewGuid().ToString("D");

    /// <summary>The port on 127.0.0.1 (0: any free one).</summary>
    public int Port { get; init; }

    /// <summary>The most results one search query pages through before it answers 400 (HubSpot: 10,000).</summary>
    public int SearchCap { get; init; } = 10_000;

    /// <summary>The most associations one input of a v4 batch read returns before it pages (HubSpot: 500).</summary>
    public int AssociationsPerInput { get; init; } = 500;

    /// <summary>The most records a list page holds when history is asked for (the spec: it "reduces the maximum").</summary>
    public int ListLimitWithHistory { get; init; } = 50;
}
