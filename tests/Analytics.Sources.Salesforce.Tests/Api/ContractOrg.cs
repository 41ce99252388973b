using Analytics.Pipelines.Resilience;
using Analytics.Sources.Salesforce.Api;
using Analytics.TestSupport.Clocks;
using Analytics.TestSupport.Salesforce;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Sources.Salesforce.Tests.Api;

/// <summary>A small org (Users, Accounts, seven Opportunities, one deleted) on a contract server, and clients for it.</summary>
internal sealed class ContractOrg : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    public const string KeyVariable = "SF_TEST_PRIVATE_KEY_FILE";
    public const string ClientIdVariable = "SF_TEST_CLIENT_ID";
    public const string SecretVariable = "SF_TEST_CLIENT_SECRET";

    public static readonly IReadOnlyList<SelectedField> OpportunityFields =
    [
        new("Id", SalesforceValueType.Text),
        new("Name", SalesforceValueType.Text),
        new("Amount", SalesforceValueType.Number),
        new("CloseDate", SalesforceValueType.Date),
        new("IsWon", SalesforceValueType.Boolean),
        new("CreatedDate", SalesforceValueType.DateTime),
        new("Owner.Email", SalesforceValueType.Text),
        new("Account.Owner.Email", SalesforceValueType.Text),
    ];

    public const string OpportunitySoql = "SELECT Id, Name, Amount, CloseDate, IsWon, CreatedDate, Owner.Email, Account.Owner.Email FROM Opportunity ORDER BY Id";

    private ContractOrg(SalesforceOrg org, SalesforceContractServer server, FakeTimeProvider orgClock)
    {
        Org = org;
        Server = server;
        OrgClock = orgClock;
    }

    public SalesforceOrg Org { get; }

    public SalesforceContractServer Server { get; }

    public FakeTimeProvider OrgClock { get; }

    /// <summary>When the org was seeded and the client starts: an hour after <see cref="Start"/>.</summary>
    public static readonly DateTimeOffset Now = Start.AddHours(1);

    /// <summary>The client's clock, starting at <see cref="Now"/>: every wait ends at once and is recorded.</summary>
    public InstantWaitClock Clock { get; } = new(Now);

    public List<string> Progress { get; } = [];

    public static async Task<ContractOrg> StartAsync(ContractServerOptions? options = null)
    {
        var orgClock = new FakeTimeProvider(Start);
        var org = new SalesforceOrg(orgClock);
        org.Define("User", [new SField("Email", SFieldType.Email), new SField("Name", SFieldType.String)]);
        org.Define("Account", [new SField("Name", SFieldType.String), new SField("OwnerId", SFieldType.Reference, "User", "Owner")]);
        org.Define("Opportunity", [
            new SField("Name", SFieldType.String),
            new SField("AccountId", SFieldType.Reference, "Account", "Account"),
            new SField("OwnerId", SFieldType.Reference, "User", "Owner"),
            new SField("StageName", SFieldType.Picklist),
            new SField("Amount", SFieldType.Currency),
            new SField("CloseDate", SFieldType.Date),
            new SField("IsWon", SFieldType.Boolean),
        ]);
        org.Insert("User", Values(("Id", "005A"), ("Email", "ana@example.com"), ("Name", "Ana")));
        org.Insert("User", Values(("Id", "005B"), ("Email", "ben@example.com"), ("Name", "Ben")));
        org.Insert("Account", Values(("Id", "001A"), ("Name", "Acme, \"the\" Co"), ("OwnerId", "005B")));
        for (var i = 1; i <= 7; i++)
        {
            org.Insert("Opportunity", Values(
                ("Id", $"006{i:D2}"),
                ("Name", i == 3 ? "Multi\nline, quoted" : $"Deal {i}"),
                ("AccountId", i % 2 == 0 ? "001A" : null),
                ("OwnerId", i == 5 ? null : "005A"),
                ("StageName", "Intro Logged"),
                ("Amount", i == 4 ? null : 1000.50m * i),
                ("CloseDate", new DateOnly(2026, 12, i)),
                ("IsWon", i % 3 == 0),
                ("CreatedDate", new DateTime(2026, 6, 30, 10, 0, i, 123, DateTimeKind.Utc))));
        }

        orgClock.Advance(TimeSpan.FromHours(1));
        org.Delete("Opportunity", "00607");
        var server = await SalesforceContractServer.StartAsync(org, options);
        return new ContractOrg(org, server, orgClock);
    }

    public SalesforceClient Client(SalesforceAuthFlow flow = SalesforceAuthFlow.JwtBearer, double maxApiShare = 0.25, string? keyPath = null, string? secret = null, TimeSpan? timeout = null, TimeProvider? clock = null) =>
        new(
            new SalesforceConnection(
                Server.BaseUrl,
                "66.0",
                new SalesforceAuth(flow, Server.ConsumerKey, Server.Username, KeyVariable, ClientIdVariable, SecretVariable))
            {
                MaxApiShare = maxApiShare,
                Retry = new RetryPolicy(5, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60)),
                RequestTimeout = timeout ?? TimeSpan.FromSeconds(30),
            },
            clock ?? Clock,
            new SynchronousProgress(Progress),
            environment: name => name switch
            {
                KeyVariable => keyPath ?? Server.PrivateKeyPemPath,
                ClientIdVariable => Server.ClientId,
                SecretVariable => secret ?? Server.ClientSecret,
                _ => null,
            });

    public static async Task<List<string?[]>> ToListAsync(IAsyncEnumerable<string?[]> rows)
    {
        var list = new List<string?[]>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }

    public int Count(string pathContains) => Server.Requests.Count(r => r.Path.Contains(pathContains, StringComparison.Ordinal));

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private static Dictionary<string, object?> Values(params (string Name, object? Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);

    private sealed class SynchronousProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}
