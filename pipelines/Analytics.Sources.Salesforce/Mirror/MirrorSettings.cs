namespace Analytics.Sources.Salesforce.Mirror;

/// <summary>What every object read of one run shares: its start (the new bookmark), lookback, threshold, version and progress.</summary>
internal sealed record MirrorSettings(DateTimeOffset Start, TimeSpan Lookback, long BulkThreshold, string ApiVersion, TimeProvider Clock, IProgress<string>? Progress);
