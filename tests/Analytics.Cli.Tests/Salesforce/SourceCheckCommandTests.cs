namespace Analytics.Cli.Tests.Salesforce;

/// <summary><c>analytics source check</c> against the contract server: what it prints and its exit codes; it lands nothing.</summary>
public sealed class SourceCheckCommandTests
{
    [Fact]
    public async Task Source_check_against_an_org_with_every_mapped_field_prints_each_entity_counts_and_budget_and_exits_0()
    {
        await using var salesforce = await SalesforceWorkspace.StartAsync(SeededOrgs.Demo);

        var (code, output) = CliRun.Invoke("source", "check", "--config", salesforce.SalesforceConfig());

        Assert.True(code == ExitCodes.Success, output);
        foreach (var entity in new[] { "partners", "accounts", "opportunities", "opportunity_partners", "stage_history", "deal_registrations", "lead_registrations", "activities", "certifications", "csat_responses", "partner_proofs", "conflicts" })
        {
            Assert.Contains(entity, output);
        }

        Assert.Contains("ChannelProgramMember", output);
        Assert.Contains("ProcessInstance", output);
        Assert.Contains(SeededOrgs.Demo.Count("Opportunity").ToString("N0", System.Globalization.CultureInfo.InvariantCulture), output);
        Assert.Contains("Bulk 2.0", output);
        Assert.Contains("REST", output);
        Assert.Matches(@"API budget: [\d,]+ of 100,000 calls used in the last 24 h", output);
        Assert.Contains("The mapping can work against this org.", output);
        Assert.False(Directory.Exists(salesforce.Lake));
    }

    [Fact]
    public async Task Source_check_with_a_field_missing_from_the_org_names_it_with_the_closest_names_and_exits_1()
    {
        await using var salesforce = await SalesforceWorkspace.StartAsync(SeededOrgs.Demo);
        salesforce.Server.Faults.HideField("Opportunity", "Loss_Reason__c");

        var (code, output) = CliRun.Invoke("source", "check", "--config", salesforce.SalesforceConfig());

        Assert.True(code == ExitCodes.RunFailed, output);
        Assert.Contains("opportunities / Opportunity: Loss_Reason__c is missing", output);
        Assert.Matches(@"Loss_Reason__c is missing \(.+\); closest: \w+", output);
        Assert.Contains("The mapping cannot work against this org:", output);
        Assert.False(Directory.Exists(salesforce.Lake));
    }

    [Fact]
    public async Task Source_check_with_a_rejected_login_exits_1_with_one_line_and_no_secret()
    {
        await using var salesforce = await SalesforceWorkspace.StartAsync(SeededOrgs.Demo);
        var config = salesforce.SalesforceConfig();
        File.WriteAllText(config, File.ReadAllText(config).Replace(salesforce.Server.Username, "integration@wrong.example", StringComparison.Ordinal));

        var (code, output) = CliRun.Invoke("source", "check", "--config", config);

        Assert.True(code == ExitCodes.RunFailed, output);
        Assert.Contains("error:", output);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("PRIVATE KEY", output);
    }

    [Fact]
    public void Source_check_on_a_bad_salesforce_section_exits_2()
    {
        using var dir = new TestSupport.Files.TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, """
            source:
              kind: salesforce
              salesforce:
                login_url: http://login.salesforce.com
            """);

        var (code, output) = CliRun.Invoke("source", "check", "--config", config);

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("login_url", output);
    }

    [Fact]
    public void Source_check_help_explains_what_it_prints_and_the_exit_codes()
    {
        var (code, output) = CliRun.Invoke("source", "check", "--help");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("fields missing with the org's closest names", output.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal));
        Assert.Contains("Exit code 0", output);
    }
}
