using Analytics.TestSupport.Http;

namespace Analytics.TestSupport.Salesforce;

/// <summary>Failures a test scripts into the contract server.</summary>
public sealed class ContractServerFaults
{
    private readonly Lock _gate = new();
    private readonly FaultQueue<ContractFault> _next = new();
    private readonly Queue<string> _bulkFailures = new();
    private readonly HashSet<(string Type, string Field)> _hidden = [];

    /// <summary>Answers the next <paramref name="times"/> requests whose path contains <paramref name="pathContains"/> with <paramref name="fault"/>.</summary>
    public void Next(string pathContains, ContractFault fault, int times = 1) => _next.Next(pathContains, fault, times);

    /// <summary>Makes the next <paramref name="times"/> Bulk query jobs end Failed with <paramref name="errorMessage"/>.</summary>
    public void FailBulkJobs(string errorMessage, int times = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _bulkFailures.Enqueue(errorMessage);
            }
        }
    }

    /// <summary>Makes <paramref name="type"/>.<paramref name="field"/> unknown: describe omits it, SOQL naming it gets INVALID_FIELD.</summary>
    public void HideField(string type, string field)
    {
        lock (_gate)
        {
            _hidden.Add((type.ToUpperInvariant(), field.ToUpperInvariant()));
        }
    }

    /// <summary>Makes every issued access token invalid: the next call gets 401 INVALID_SESSION_ID until it re-authenticates.</summary>
    public void ExpireSessions() => SessionsExpiredAt = Interlocked.Increment(ref _sessionGeneration);

    private long _sessionGeneration;

    internal long SessionsExpiredAt { get; private set; }

    internal ContractFault? Take(string path) => _next.Take(path);

    internal string? TakeBulkFailure()
    {
        lock (_gate)
        {
            return _bulkFailures.TryDequeue(out var message) ? message : null;
        }
    }

    internal bool IsHidden(string type, string field)
    {
        lock (_gate)
        {
            return _hidden.Count > 0 && _hidden.Contains((type.ToUpperInvariant(), field.ToUpperInvariant()));
        }
    }
}
