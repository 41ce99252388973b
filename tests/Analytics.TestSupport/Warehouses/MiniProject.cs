using Analytics.Pipelines.Crm;
using Analytics.TestSupport.Files;

namespace Analytics.TestSupport.Warehouses;

/// <summary>
/// A tiny transforms project written to a temp folder (staging over the lake's partners, an intermediate and a mart
/// model, each with its YAML beside it) plus a lake of hand-built partners, for testing the runner itself.
/// </summary>
public sealed class MiniProject : IDisposable
{
    private readonly TempDirectory _directory = new();

    public MiniProject()
    {
        Write("staging/partners.sql", "select partner_id, tier, snapshot_date from lake.partners");
        Write("staging/partners.yml", """
            models:
              - name: partners
                description: "Partners."
                columns:
                  - name: partner_id
                    description: "Id."
                    tests: [unique, not_null]
                  - name: tier
                    description: "Tier."
                    tests:
                      - accepted_values: {values: [registered, select, elite]}
                  - name: snapshot_date
                    description: "Snapshot."
            """);
        Write("intermediate/tiers.sql", "select tier, count(*) as partners from staging.partners group by tier");
        Write("intermediate/tiers.yml", """
            models:
              - name: tiers
                description: "Partners per tier."
                columns:
                  - name: tier
                    description: "Tier."
                    tests: [unique]
                  - name: partners
                    description: "How many."
            """);
        Write("marts/tier_mix.sql", "-- the mart\nselect tier, partners, partners / sum(partners) over () as share from intermediate.tiers -- trailing comment");
        Write("marts/tier_mix.yml", """
            models:
              - name: tier_mix
                description: "Share of partners per tier."
                columns:
                  - name: tier
                    description: "Tier."
                  - name: partners
                    description: "How many."
                  - name: share
                    description: "Share of all partners."
                    tests:
                      - expression: {name: tier_mix_share_in_range, where: "share not between 0 and 1"}
            """);
    }

    public string Folder => _directory.Combine("transforms");

    public string Lake => _directory.Combine("lake");

    public string Warehouse => _directory.Combine("warehouse", "analytics.duckdb");

    public string Runs => _directory.Combine("runs");

    public Analytics.Pipelines.Transforms.TransformRequest Request(DateOnly? asOf = null) => new(Folder, Lake, Warehouse, Runs, 1) { AsOf = asOf };

    /// <summary>Writes a pipeline.yaml beside the project pointing at its lake, warehouse, runs and transforms; returns its path.</summary>
    public string WriteConfig()
    {
        var file = Path.Combine(Path.GetDirectoryName(Folder)!, "pipeline.yaml");
        File.WriteAllText(file, $"""
            paths:
              lake: {Lake}
              warehouse: {Warehouse}
              runs: {Runs}
            transform:
              models: {Folder}
            """);
        return file;
    }

    /// <summary>Writes (or overwrites) a file of the project, e.g. <c>marts/tier_mix.yml</c>.</summary>
    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Delete(string relativePath) => File.Delete(Path.Combine(Folder, relativePath));

    /// <summary>Lands partners with the given tiers (ptn-1, ptn-2, ...) as the snapshot of <paramref name="date"/>.</summary>
    public void Land(DateOnly date, params string[] tiers) =>
        TestLake.Land(Lake, date, tiers.Select((tier, i) => (ICrmRecord)Partner(i + 1, tier)));

    public static Partner Partner(int number, string tier) => new(
        $"ptn-{number}", $"Partner {number}", "reseller", tier, "emea", "software", "pm@vendor.example",
        new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), "active", null);

    public void Dispose() => _directory.Dispose();
}
