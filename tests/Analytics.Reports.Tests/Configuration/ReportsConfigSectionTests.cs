using Analytics.Pipelines.Configuration;
using Analytics.Reports.Configuration;

namespace Analytics.Reports.Tests.Configuration;

public sealed class ReportsConfigSectionTests
{
    private const string File = "/repo/pipeline.yaml";

    [Theory]
    [InlineData("null")]
    [InlineData("PDFSHARP_LICENSE_KEY")]
    public void A_pdfsharp_licence_key_variable_is_refused_on_its_line_as_no_longer_used(string value)
    {
        var yaml = $"reports:\n  stalled_deals_listed: 20\n  license_key_variable: {value}\n";

        var error = Assert.Throws<ConfigurationException>(() => PipelineConfigLoader.Parse(yaml, "pipeline.yaml", ReportsConfigExtensions.Sections));

        Assert.StartsWith("pipeline.yaml:3: 'reports.license_key_variable' is no longer used", error.Message);
        Assert.Contains("delete the line", error.Message);
    }

    [Fact]
    public void Reports_list_twenty_stalled_deals_unless_told_otherwise()
    {
        Assert.Equal(20, PipelineConfigLoader.Parse(string.Empty, File, ReportsConfigExtensions.Sections).Reports.StalledDealsListed);
        Assert.Equal(5, PipelineConfigLoader.Parse("reports:\n  stalled_deals_listed: 5\n", File, ReportsConfigExtensions.Sections).Reports.StalledDealsListed);
    }
}
