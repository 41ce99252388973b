namespace Analytics.Cli.Tests.Salesforce;

/// <summary><c>analytics source check</c> against the contract server: what it prints and its exit codes; it lands nothing.</summary>
public sealed class SourceCheckCommandTests
{
    [Fact]
    public async Task Source_check_against_an_org_with_every_mapped_field_prints_each_entity_counts_and_budget_and_exits_0()
    {
        await using var salesforce = await SalesforceWorkspace.StartAsync();

        var (code, output) = salesforce.Invoke("source", "check", "--config", salesforce.SalesforceConfig());

        Assert.True(code == ExitCodes.Success, output);
        foreach (var entity in new[] { "partners", "accounts", "opportunities", "opportunity_partners", "stage_history", "deal_registrations", "lead_registrations", "activities", "certifications", "csat_responses", "partner_proofs", "conflicts" })
        {
            Assert.Contains(entity, output);
        }

        Assert.Contains("ChannelProgramMember", output);
        Assert.Contains("ProcessInstance", output);
        Assert.Contains(salesforce.Server.Org.Count("Opportunity").ToString("N0", System.Globalization.CultureInfo.InvariantCulture), output);
        Assert.Contains("Bulk 2.0", output);
        Assert.Contains("REST", output);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(output, @"API budget: [\d,]+ of 100,000 calls used in the last 24 h"), output);
        Assert.Contains("The mapping can work against this org.", output);
        Assert.False(Directory.Exists(salesforce.Lake));
    }

    [Fact]
    public async Task Source_check_with_a_mapped_field_the_org_lacks_names_it_with_the_closest_names_and_exits_1()
    {
        await using var salesforce = await SalesforceWorkspace.StartAsync();
        // A mapping override with the custom field's API name misspelt, as an admin might type it.
        var config = salesforce.SalesforceConfig("""
            mapping:
              conflicts:
                object: Channel_Conflict__c
                columns:
                  conflict_id: Id
                  account_id: Account__c
                  conflict_type: Conflict_Type__c
                  cause: Cause__c
                  opened_at: Opened_At__c
                  acknowledged_at: Acknowledged_At__c
                  resolved_at: Resolved_At__c
                  resolution: Resolutoin__c
            """);

        var (code, output) = salesforce.Invoke("source", "check", "--config", config);

        Assert.True(code == ExitCodes.RunFailed, output);
        Assert.True(output.Contains("conflicts / Channel_Conflict__c: Resolutoin__c is missing", StringComparison.Ordinal), output);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(output, @"Resolutoin__c is missing \(.+\); closest: Resolution__c"), output);
        Assert.True(output.Contains("The mapping cannot work against this org:", StringComparison.Ordinal), output);
        Assert.False(Directory.Exists(salesforce.Lake));
    }

    [Fact]
    public async Task Source_check_with_a_field_hidden_from_the_integration_user_exits_1_naming_object_and_field()
    {
        await using var salesforce = await SalesforceWorkspace.StartAsync();
        salesforce.Server.Faults.HideField("Opportunity", "Loss_Reason__c");

        var (code, output) = salesforce.Invoke("source", "check", "--config", salesforce.SalesforceConfig());

        Assert.True(code == ExitCodes.RunFailed, output);
        Assert.True(output.Contains("opportunities / Opportunity: Loss_Reason__c is missing (Opportunity has no field 'Loss_Reason__c')", StringComparison.Ordinal), output);
        Assert.True(output.Contains("opportunities        Opportunity               19/20         1,215  Bulk 2.0", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task Source_check_with_a_rejected_login_exits_1_with_one_line_and_no_secret()
    {
        await using var salesforce = await SalesforceWorkspace.StartAsync();
        var config = salesforce.SalesforceConfig();
        File.WriteAllText(config, File.ReadAllText(config).Replace(salesforce.Server.Username, "integration@wrong.example", StringComparison.Ordinal));

        var (code, output) = salesforce.Invoke("source", "check", "--config", config);

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
