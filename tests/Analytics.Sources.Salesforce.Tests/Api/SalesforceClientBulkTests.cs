using Analytics.Sources.Salesforce.Api;
using Analytics.TestSupport.Salesforce;

namespace Analytics.Sources.Salesforce.Tests.Api;

public sealed class SalesforceClientBulkTests
{
    [Fact]
    public async Task A_Bulk_job_over_three_CSV_pages_gives_the_same_rows_as_REST()
    {
        await using var org = await ContractOrg.StartAsync(new ContractServerOptions { BulkPageSize = 3, BulkPollsToComplete = 3 });
        using var client = org.Client();

        var rest = await ContractOrg.ToListAsync(client.QueryAsync(ContractOrg.OpportunitySoql, ContractOrg.OpportunityFields, true, default));
        var bulk = await ContractOrg.ToListAsync(client.BulkQueryAsync(ContractOrg.OpportunitySoql, ContractOrg.OpportunityFields, true, default));

        Assert.Equal(7, bulk.Count);
        Assert.Equal(rest, bulk);
        Assert.Equal(3, org.Count("/results"));
        Assert.Equal(3, org.Server.Requests.Count(r => r.Method == "GET" && r.Path.Contains("/jobs/query/", StringComparison.Ordinal) && !r.Path.EndsWith("/results", StringComparison.Ordinal)));
        Assert.Equal([1.0, 1.5, 2.25], org.Clock.Waits.Select(w => w.TotalSeconds));
        Assert.Equal("JobComplete", org.Server.JobStates.Values.Single());
        Assert.DoesNotContain(org.Server.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task A_Bulk_query_leaves_out_deleted_rows_unless_it_is_a_queryAll()
    {
        await using var org = await ContractOrg.StartAsync(new ContractServerOptions { BulkPageSize = 3 });
        using var client = org.Client();

        var live = await ContractOrg.ToListAsync(client.BulkQueryAsync(ContractOrg.OpportunitySoql, ContractOrg.OpportunityFields, false, default));

        Assert.Equal(6, live.Count);
        Assert.DoesNotContain(live, r => r[0] == "00607");
    }

    [Fact]
    public async Task A_Bulk_job_that_fails_reports_its_error_message_and_reads_no_results()
    {
        await using var org = await ContractOrg.StartAsync();
        org.Server.Faults.FailBulkJobs("Retried more than 15 times; add filters");
        using var client = org.Client();

        var error = await Assert.ThrowsAsync<SalesforceException>(() => ContractOrg.ToListAsync(client.BulkQueryAsync(ContractOrg.OpportunitySoql, ContractOrg.OpportunityFields, false, default)));

        Assert.Equal(SalesforceErrorKind.BulkJobFailed, error.Kind);
        Assert.Equal("Opportunity", error.SObject);
        Assert.Contains("Retried more than 15 times; add filters", error.Message, StringComparison.Ordinal);
        Assert.Contains("ended Failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, org.Count("/results"));
        Assert.DoesNotContain(org.Server.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Cancelling_a_Bulk_query_while_it_runs_aborts_the_job()
    {
        await using var org = await ContractOrg.StartAsync(new ContractServerOptions { BulkPollsToComplete = 1000 });
        using var client = org.Client();
        using var cancel = new CancellationTokenSource();
        var polls = 0;

        var run = Task.Run(async () =>
        {
            await foreach (var row in client.BulkQueryAsync(ContractOrg.OpportunitySoql, ContractOrg.OpportunityFields, false, cancel.Token))
            {
                Assert.Fail($"no row expected, got {row[0]}");
            }
        });
        while (org.Server.Requests.Count(r => r.Method == "GET" && r.Path.Contains("/jobs/query/", StringComparison.Ordinal)) < 3 && polls++ < 500)
        {
            await Task.Delay(10);
        }

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal("Aborted", org.Server.JobStates.Values.Single());
        Assert.Contains(org.Server.Requests, r => r.Method == "PATCH");
    }
}
