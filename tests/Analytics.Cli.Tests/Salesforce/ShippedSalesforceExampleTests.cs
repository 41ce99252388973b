using Analytics.Orchestration.Configuration;
using Analytics.Pipelines.Configuration;
using Analytics.Sources.Salesforce.Api;
using Analytics.Sources.Salesforce.Configuration;
using Analytics.TestSupport.Files;

namespace Analytics.Cli.Tests.Salesforce;

/// <summary>The commented <c>salesforce:</c> example of the shipped pipeline.yaml is a working configuration once uncommented.</summary>
public sealed class ShippedSalesforceExampleTests
{
    [Fact]
    public void The_shipped_salesforce_example_loads_once_uncommented_with_its_mapping_override()
    {
        using var dir = new TempDirectory();
        var config = ShippedSourceBlock.Write(dir, "salesforce");

        var loaded = PipelineConfigLoader.Load(config, PipelineConfigSections.All);

        Assert.Equal(SourceKind.Salesforce, loaded.Source.Kind);
        var salesforce = loaded.Source.Salesforce;
        Assert.Equal(new Uri("https://login.salesforce.com"), salesforce.Connection.LoginUrl);
        Assert.Equal("66.0", salesforce.Connection.ApiVersion);
        Assert.Equal(SalesforceAuthFlow.JwtBearer, salesforce.Connection.Auth.Flow);
        Assert.Equal("SALESFORCE_PRIVATE_KEY_FILE", salesforce.Connection.Auth.PrivateKeyFileVariable);
        Assert.Equal(Path.Combine(dir.Path, "data", "sources", "salesforce"), salesforce.StateFolder);
        Assert.Equal("RecordType.DeveloperName = 'Partner_Deal_Reg'", salesforce.Mapping.For(Analytics.Pipelines.Crm.CrmSchema.DealRegistrations).Sources.Single().Where);
    }
}
