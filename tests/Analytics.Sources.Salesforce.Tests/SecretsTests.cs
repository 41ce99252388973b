using Analytics.Sources.Salesforce.Api;
using Analytics.Sources.Salesforce.Tests.Fixtures;

namespace Analytics.Sources.Salesforce.Tests;

public sealed class SecretsTests
{
    [Fact]
    public async Task Secrets_appear_in_no_message_progress_line_description_or_state_file()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        const string Secret = "wrong-secret-5b7e1d";
        var config = harness.Config() with
        {
            Connection = harness.Config().Connection with
            {
                Auth = new SalesforceAuth(SalesforceAuthFlow.ClientCredentials, null, null, null, "SF_TEST_KEY", "SF_TEST_SECRET"),
            },
        };
        string? Environment(string name) => name switch
        {
            "SF_TEST_KEY" => harness.Server.ClientId,
            "SF_TEST_SECRET" => Secret,
            _ => null,
        };
        var failing = new SalesforceSource(config, 10_000, harness.Clock, null, Environment);

        var error = await Assert.ThrowsAsync<SalesforceException>(() => harness.ExtractAsync(new DateOnly(2026, 3, 2), failing));
        var landed = await harness.ExtractAsync(new DateOnly(2026, 3, 2));

        Assert.Equal(SalesforceErrorKind.Authentication, error.Kind);
        var pem = await File.ReadAllTextAsync(harness.Server.PrivateKeyPemPath);
        var key = pem.Split('\n')[1];
        var texts = new List<string> { error.ToString(), failing.Description, landed.Manifest.Source };
        texts.AddRange(harness.Progress);
        texts.AddRange(Directory.EnumerateFiles(harness.StateFolder, "*.json", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.All(texts, text =>
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(harness.Server.ClientSecret, text, StringComparison.Ordinal);
        });
    }
}
