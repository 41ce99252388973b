using Analytics.Pipelines.Lake;
using Analytics.TestSupport.Salesforce;

namespace Analytics.Cli.Tests.Salesforce;

/// <summary>
/// Faults of a real org, scripted into the contract server, during `analytics extract`: each gives its documented
/// outcome, and the snapshot landed the night before stays byte-identical (a failed extract lands nothing at all).
/// </summary>
public sealed class SalesforceFaultTests
{
    private static readonly DateTimeOffset NightBefore = new(SeededOrgs.DayBefore.ToDateTime(new TimeOnly(23, 0)), TimeSpan.Zero);

    [Fact]
    public async Task A_session_expiring_mid_run_is_renewed_by_one_re_authentication_and_the_extract_lands()
    {
        var outcome = await ExtractWithFault(server =>
        {
            server.Faults.Next("/query", ContractFault.InvalidSession());
        });

        outcome.Landed();
        Assert.Contains(outcome.Requests, r => r.Status == 401);
        Assert.Equal(2, outcome.Requests.Count(r => r.Path.Contains("/oauth2/token", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_and_the_extract_lands()
    {
        var outcome = await ExtractWithFault(server => server.Faults.Next("/query", ContractFault.TooManyRequests(TimeSpan.FromSeconds(1))));

        outcome.Landed();
        var throttled = outcome.Requests.FindIndex(r => r.Status == 429);
        Assert.True(throttled >= 0);
        Assert.Contains(outcome.Requests.Skip(throttled + 1), r => r.Path == outcome.Requests[throttled].Path && r.Status == 200);
    }

    [Fact]
    public async Task Two_503s_in_a_row_are_retried_and_the_extract_lands()
    {
        var outcome = await ExtractWithFault(server => server.Faults.Next("/query", ContractFault.ServiceUnavailable(), times: 2));

        outcome.Landed();
        Assert.Equal(2, outcome.Requests.Count(r => r.Status == 503));
    }

    [Fact]
    public async Task A_failed_Bulk_job_fails_the_extract_with_exit_1_and_one_line_and_keeps_the_lake_byte_identical()
    {
        // bulk_threshold 0: every object is read with Bulk 2.0, however few rows changed since the night before.
        var outcome = await ExtractWithFault(server => server.Faults.FailBulkJobs("InvalidBatch : Failed to process query: too many rows locked", times: 50), secondConfig: "bulk_threshold: 0");

        outcome.FailedAndKeptTheLake();
        Assert.Contains("Failed to process query", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_missing_from_the_org_fails_the_extract_with_exit_1_naming_object_and_field_and_keeps_the_lake_byte_identical()
    {
        var outcome = await ExtractWithFault(server => server.Faults.HideField("Opportunity", "Partner_Motion__c"));

        outcome.FailedAndKeptTheLake();
        Assert.Contains("Opportunity", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("Partner_Motion__c", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reaching_the_configured_share_of_the_API_allowance_stops_the_extract_with_exit_1_and_keeps_the_lake_byte_identical()
    {
        var outcome = await ExtractWithFault(_ => { }, secondConfig: "max_api_share: 0.01", options: new ContractServerOptions
        {
            QueryBatchSize = 500, BulkPageSize = 2_000, BulkPollsToComplete = 1, ApiAllowance = 2_000,
        });

        outcome.FailedAndKeptTheLake();
        Assert.Contains("stopped before this run used more than 1 % of the daily API allowance", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_org_s_daily_request_limit_exceeded_fails_the_extract_with_exit_1_and_keeps_the_lake_byte_identical()
    {
        var outcome = await ExtractWithFault(server => server.Faults.Next("/query", ContractFault.RequestLimitExceeded()));

        outcome.FailedAndKeptTheLake();
        Assert.Contains("REQUEST_LIMIT_EXCEEDED", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_whose_extract_meets_a_missing_field_fails_at_once_without_step_retries_and_keeps_the_lake()
    {
        await using var workspace = await SalesforceWorkspace.StartAsync();
        var config = workspace.SalesforceConfig();
        var first = workspace.InvokeAt(NightBefore, "extract", "--config", config, "--date", SeededOrgs.DayBefore.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(first.Code == ExitCodes.Success, first.Output);
        var before = workspace.LakeHashes();
        // step_retry would retry a passing failure 3 times 30 s apart: a missing field is not one.
        File.AppendAllText(config, "\nscheduler:\n  step_retry:\n    attempts: 3\n    initial_delay_seconds: 30\n");
        workspace.Server.Faults.HideField("Opportunity", "Partner_Motion__c");

        var (code, output) = workspace.Invoke("run", "--config", config, "--date", SeededOrgs.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(code == ExitCodes.RunFailed, output);
        Assert.Contains("extract failed after 1 attempt(s)", output, StringComparison.Ordinal);
        Assert.Contains("Partner_Motion__c", output, StringComparison.Ordinal);
        Assert.Equal(before.OrderBy(h => h.Key), workspace.LakeHashes().OrderBy(h => h.Key));
    }

    /// <summary>
    /// Lands the night before's snapshot cleanly, scripts the fault, then extracts today's; returns the second extract's
    /// exit code, output and requests, and the lake's file hashes before and after it.
    /// </summary>
    private static async Task<FaultOutcome> ExtractWithFault(Action<SalesforceContractServer> arrange, string secondConfig = "", ContractServerOptions? options = null)
    {
        await using var workspace = await SalesforceWorkspace.StartAsync(options);
        var config = workspace.SalesforceConfig();
        var first = workspace.InvokeAt(NightBefore, "extract", "--config", config, "--date", SeededOrgs.DayBefore.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(first.Code == ExitCodes.Success, first.Output);
        var before = workspace.LakeHashes();
        var previous = PreviousSnapshot(before);
        Assert.NotEmpty(previous);
        if (secondConfig.Length > 0)
        {
            workspace.SalesforceConfig(secondConfig);
        }

        var requestsBefore = workspace.Server.Requests.Count;
        arrange(workspace.Server);
        var (code, output) = workspace.Invoke("extract", "--config", config, "--date", SeededOrgs.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var after = workspace.LakeHashes();
        return new FaultOutcome(code, output, workspace.Server.Requests.Skip(requestsBefore).ToList(), before, after, new LakeLayout(workspace.Lake).LandedDates());
    }

    /// <summary>The files of the night before's snapshot: its partitions and its manifest.</summary>
    private static Dictionary<string, string> PreviousSnapshot(IReadOnlyDictionary<string, string> hashes)
    {
        var date = SeededOrgs.DayBefore.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return hashes.Where(h => h.Key.Contains(date, StringComparison.Ordinal)).ToDictionary(h => h.Key, h => h.Value);
    }

    private sealed record FaultOutcome(
        int Code,
        string Output,
        List<LoggedRequest> Requests,
        IReadOnlyDictionary<string, string> LakeBefore,
        IReadOnlyDictionary<string, string> LakeAfter,
        IReadOnlyList<DateOnly> LandedDates)
    {
        /// <summary>Exit 0, today's snapshot landed, the night before's files unchanged byte for byte.</summary>
        public void Landed()
        {
            Assert.True(Code == ExitCodes.Success, Output);
            Assert.Equal([SeededOrgs.DayBefore, SeededOrgs.Day], LandedDates.Order());
            Assert.Equal(PreviousSnapshot(LakeBefore), PreviousSnapshot(LakeAfter));
            Assert.DoesNotContain("PRIVATE KEY", Output, StringComparison.Ordinal);
        }

        /// <summary>Exit 1 with one error line and no stack trace, and the whole lake byte-identical (today's snapshot not landed).</summary>
        public void FailedAndKeptTheLake()
        {
            Assert.True(Code == ExitCodes.RunFailed, Output);
            Assert.Contains("error:", Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", Output, StringComparison.Ordinal);
            Assert.DoesNotContain("PRIVATE KEY", Output, StringComparison.Ordinal);
            Assert.Equal(LakeBefore.OrderBy(h => h.Key), LakeAfter.OrderBy(h => h.Key));
            Assert.Equal([SeededOrgs.DayBefore], LandedDates);
        }
    }
}
