using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Analytics.Cli.Commands;
using Analytics.Cli.WebConsole;
using Analytics.Orchestration.Configuration;
using Analytics.Pipelines.Configuration;

namespace Analytics.Cli.Tests.WebConsole;

[Collection(ConsoleCollection.Name)]
public sealed class ConsoleTests(ConsoleData data)
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(data.Address) };

    [Fact]
    public async Task The_runs_page_lists_the_succeeded_and_the_failed_run_with_the_error_html_escaped()
    {
        var page = await _http.GetStringAsync("/");

        Assert.Contains($"<a href=\"/runs/{data.SucceededRunId}\">{data.SucceededRunId}</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/runs/{data.FailedRunId}\">{data.FailedRunId}</a>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ok\">succeeded</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"bad\">failed</span>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runs_page_shows_its_steps_durations_outcomes_and_the_failed_steps_error()
    {
        var page = await _http.GetStringAsync($"/runs/{data.FailedRunId}");

        Assert.Contains("<span class=\"bad\" id=\"outcome\">failed</span>", page, StringComparison.Ordinal);
        Assert.Contains("<td>transform</td><td><span class=\"bad\">failed</span></td><td>3</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>21.0</td>", page, StringComparison.Ordinal); // the failed step's 21 s
        Assert.Contains("<td>score</td><td><span class=\"muted\">skipped</span></td>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/runs/no-such-run")).StatusCode);
    }

    [Fact]
    public async Task A_real_runs_page_shows_the_log_the_run_wrote()
    {
        var page = await _http.GetStringAsync($"/runs/{data.SucceededRunId}");

        Assert.Contains("run.log", page, StringComparison.Ordinal);
        Assert.Contains("transform done in", page, StringComparison.Ordinal);
        Assert.DoesNotContain("The run kept no log file", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_freshness_page_shows_each_entity_and_the_next_firings_from_the_hangfire_storage()
    {
        var page = await _http.GetStringAsync("/freshness");

        Assert.Contains("newest snapshot 2026-10-01", page, StringComparison.Ordinal);
        Assert.Contains("<td>opportunities</td><td>2026-10-01</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>nightly</td><td>0 30 2 * * ?</td><td>Europe/Berlin</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>quarterly</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_qbr_pack_downloads_as_a_pdf_and_weekly_emails_are_listed_with_recipients_and_delivery_status()
    {
        var packs = await _http.GetStringAsync("/packs");
        var emails = await _http.GetStringAsync("/emails");
        using var pdf = await _http.GetAsync("/packs/2026-Q2/program-qbr-2026-Q2.pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();

        Assert.Contains("<a href=\"/packs/2026-Q2/program-qbr-2026-Q2.pdf\">program-qbr-2026-Q2.pdf</a>", packs, StringComparison.Ordinal);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Contains("2026-W40: 2 sent, 0 failed", emails, StringComparison.Ordinal);
        Assert.Contains("@vendor.example", emails, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ok\">sent</span>", emails, StringComparison.Ordinal);
        var eml = System.Text.RegularExpressions.Regex.Match(emails, "href=\"(/emails/2026-W40/[^\"]+)\"").Groups[1].Value;
        using var email = await _http.GetAsync(WebUtility.HtmlDecode(eml));
        Assert.Equal(HttpStatusCode.OK, email.StatusCode);
        Assert.Contains("Subject:", await email.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_data_dictionary_lists_each_table_with_its_tests_and_last_results()
    {
        var index = await _http.GetStringAsync("/catalog");
        var table = await _http.GetStringAsync("/catalog/marts.win_rates");

        Assert.Contains("<a href=\"/catalog/marts.win_rates\">marts.win_rates</a>", index, StringComparison.Ordinal);
        Assert.Contains("passed</span>", index, StringComparison.Ordinal);
        Assert.Contains("Tests and their last results", table, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ok\">passed</span>", table, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/catalog/marts.nothing")).StatusCode);
    }

    [Theory]
    [InlineData("/packs/2026-Q2/..%2F..%2F..%2Fpipeline.yaml")]
    [InlineData("/packs/..%2F..%2F..%2F/pipeline.yaml")]
    [InlineData("/packs/2026-Q2/%2E%2E/%2E%2E/%2E%2E/pipeline.yaml")]
    [InlineData("/packs/2026-Q2/..%5C..%5C..%5Cpipeline.yaml")]
    [InlineData("/emails/2026-W40/..%2Fdeliveries.jsonl")]
    [InlineData("/emails/..%2F..%2Fpipeline.yaml/x.eml")]
    public async Task Path_traversal_in_a_download_url_is_refused_and_serves_nothing(string url)
    {
        using var response = await _http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
        Assert.DoesNotContain("source:", body, StringComparison.Ordinal);      // pipeline.yaml
        Assert.DoesNotContain("delivery_key", body, StringComparison.Ordinal); // the ledger
    }

    [Fact]
    public async Task A_download_url_with_dot_dot_is_answered_400_naming_the_refusal()
    {
        using var response = await _http.GetAsync("/packs/2026-Q2/..%2F..%2F..%2Fpipeline.yaml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("400: refused", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_loopback_without_a_token_the_dashboard_is_read_only_and_its_actions_answer_401()
    {
        using var dashboard = await _http.GetAsync("/hangfire/recurring");
        using var trigger = await _http.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "nightly")]));
        using var delete = await _http.PostAsync("/hangfire/recurring/remove", new FormUrlEncodedContent([new("jobs[]", "nightly")]));

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("nightly", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, trigger.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        Assert.Contains(Orchestration.Scheduling.PipelineScheduler.NextFirings(data.Storage), f => f.Job == "nightly"); // still there
    }

    [Fact]
    public async Task With_a_token_every_page_and_the_dashboard_need_basic_auth_and_its_actions_work_with_it_and_the_token_is_never_rendered()
    {
        const string variable = "ANALYTICS_CONSOLE_TOKEN_TEST";
        const string token = "s3cret-console-t0ken-value";
        Environment.SetEnvironmentVariable(variable, token);
        try
        {
            var access = ConsoleAccess.Resolve(new ConsoleConfig("127.0.0.1", 0, "operator", variable, "pipeline.yaml:2: 'console.address'"));
            await using var server = await ConsoleServer.StartAsync(data.Site, access, CancellationToken.None);
            using var anonymous = new HttpClient { BaseAddress = new Uri(server.Address) };
            using var signedIn = new HttpClient { BaseAddress = new Uri(server.Address) };
            signedIn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{token}")));
            using var wrong = new HttpClient { BaseAddress = new Uri(server.Address) };
            wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:guess")));

            foreach (var url in new[] { "/", "/freshness", "/packs", "/emails", "/catalog", "/hangfire" })
            {
                using var refused = await anonymous.GetAsync(url);
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
                Assert.Equal("Basic", refused.Headers.WwwAuthenticate.Single().Scheme);
                Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(url)).StatusCode);
                var page = await signedIn.GetStringAsync(url);
                Assert.DoesNotContain(token, page, StringComparison.Ordinal);
            }

            using var anonymousTrigger = await anonymous.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "weekly")]));
            using var trigger = await signedIn.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "weekly")]));
            Assert.Equal(HttpStatusCode.Unauthorized, anonymousTrigger.StatusCode);
            Assert.True(trigger.IsSuccessStatusCode, $"trigger with the credential: {(int)trigger.StatusCode}");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.10.4")]
    [InlineData("::")]
    public void A_non_loopback_address_without_a_credential_is_refused_naming_where_it_is_set(string host)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConsoleAccess.Resolve(new ConsoleConfig(host, 5080, "operator", null, "/srv/pipeline.yaml:40: 'console.address'")));

        Assert.StartsWith($"/srv/pipeline.yaml:40: 'console.address' is {host}:5080, which is not a loopback address", error.Message, StringComparison.Ordinal);
        Assert.Contains("console.token_variable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_on_a_non_loopback_address_without_a_credential_refuses_to_start_with_one_sentence()
    {
        using var dir = new Analytics.TestSupport.Files.TempDirectory();
        var config = dir.Combine("pipeline.yaml");
        File.WriteAllText(config, "source:\n  demo:\n    scale: 0.01\nconsole:\n  address: 0.0.0.0:0\n");

        var (code, output) = CliRun.Invoke("serve", "--config", config);

        Assert.NotEqual(ExitCodes.Success, code);
        Assert.Contains($"{config}:5: 'console.address' is 0.0.0.0:0, which is not a loopback address", output.ReplaceLineEndings(string.Empty), StringComparison.Ordinal);
        Assert.DoesNotContain("serving", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_variable_that_is_not_set_is_refused_naming_it()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConsoleAccess.Resolve(new ConsoleConfig("0.0.0.0", 5080, "operator", "ANALYTICS_CONSOLE_TOKEN_UNSET", "x")));

        Assert.Contains("console.token_variable names ANALYTICS_CONSOLE_TOKEN_UNSET, which is not set", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "stopping: no job is running")]
    [InlineData(1, "stopping: waiting for the running job to finish its current step")]
    public void Serve_stopped_says_it_waits_for_a_job_only_when_one_runs(int running, string expected)
    {
        Assert.Equal(expected, ServeCommand.StoppingLine(running));
    }
}
