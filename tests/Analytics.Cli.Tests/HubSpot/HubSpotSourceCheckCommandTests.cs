using Analytics.TestSupport.HubSpot;

namespace Analytics.Cli.Tests.HubSpot;

/// <summary><c>analytics source check</c> against the HubSpot contract server: what it prints and its exit codes; it lands nothing.</summary>
public sealed class HubSpotSourceCheckCommandTests
{
    [Fact]
    public async Task Source_check_against_a_portal_with_every_mapped_property_prints_each_object_its_counts_and_exits_0()
    {
        await using var hubspot = await HubSpotWorkspace.StartAsync();

        var (code, output) = hubspot.Invoke("source", "check", "--config", hubspot.HubSpotConfig());

        Assert.True(code == ExitCodes.Success, output);
        Assert.Contains("source check: hubspot (http://127.0.0.1:", output);
        Assert.DoesNotContain(hubspot.Server.Requests, r => r.Path.EndsWith("/batch/read", StringComparison.Ordinal)); // it reads no records
        Assert.Matches(@"deals\s+\d+/\d+\s+[\d,]+\s+opportunities, opportunity_partners, stage_history", output);
        Assert.Matches(@"companies\s+\d+/\d+\s+[\d,]+\s+partners, accounts", output);
        Assert.Contains("pipelines: 42 of 42 stages mapped onto a motion's stage", output);
        Assert.Contains("The mapping can work against this portal.", output);
        Assert.False(Directory.Exists(hubspot.Lake));
    }

    [Fact]
    public async Task Source_check_names_a_missing_scope_a_misspelt_property_and_an_unmapped_pipeline_and_exits_1()
    {
        await using var hubspot = await HubSpotWorkspace.StartAsync();
        hubspot.Portal.Scopes.Remove("crm.objects.custom.read");
        hubspot.Portal.Pipelines.Add(new PortalPipeline("88", "Renewals desk", [("881", "Renewal due")]));
        var config = hubspot.HubSpotConfig("""
            mapping:
              partner_proofs:
                object: p_partner_proofs
                columns:
                  proof_id: id
                  partner_id: partner_company_id
                  proof_type: proof_typ
                  recorded_at: recorded_at
            """);

        var (code, output) = hubspot.Invoke("source", "check", "--config", config);

        Assert.True(code == ExitCodes.RunFailed, output);
        Assert.Contains("p_partner_proofs: the token lacks crm.objects.custom.read", output);
        Assert.Contains("pipeline 88 'Renewals desk': no motion", output);
        Assert.Contains("The mapping cannot work against this portal:", output);

        hubspot.Portal.Scopes.Add("crm.objects.custom.read");
        (code, output) = hubspot.Invoke("source", "check", "--config", config);
        Assert.True(code == ExitCodes.RunFailed, output);
        Assert.Contains("p_partner_proofs: property proof_typ is missing; closest: proof_type", output);
        Assert.False(Directory.Exists(hubspot.Lake));
    }

    [Fact]
    public async Task Source_check_with_a_refused_token_fails_in_one_line_without_the_token()
    {
        await using var hubspot = await HubSpotWorkspace.StartAsync();
        Environment.SetEnvironmentVariable(hubspot.TokenVariable, "pat-na1-00000000-0000-0000-0000-000000000000");

        var (code, output) = hubspot.Invoke("source", "check", "--config", hubspot.HubSpotConfig());

        Assert.True(code == ExitCodes.RunFailed, output);
        Assert.Contains($"error: HubSpot refused the token in {hubspot.TokenVariable} for the deal pipelines (401 INVALID_AUTHENTICATION)", output);
        Assert.DoesNotContain("pat-na1-00000000", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Analytics.", output, StringComparison.Ordinal);
    }
}
