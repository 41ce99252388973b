using Analytics.Pipelines.Configuration;

namespace Analytics.Reports.Configuration;

/// <summary>Reads <c>reports:</c>, the QBR packs' settings.</summary>
public sealed class ReportsConfigSection : IConfigSection<ReportsConfig>
{
    /// <summary>The one instance the composition root registers.</summary>
    public static ReportsConfigSection Instance { get; } = new();

    private ReportsConfigSection()
    {
    }

    /// <inheritdoc />
    public string Path => "reports";

    /// <inheritdoc />
    public ReportsConfig Read(YamlSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (section.Keys.Contains("license_key_variable"))
        {
            // PDFsharp 6.2 is MIT-licensed: there is no licence to choose. Said plainly rather than as an unknown key.
            throw section.Error("license_key_variable", "is no longer used: the PDFs are made with PDFsharp 6.2 (MIT licence), which needs no licence key; delete the line");
        }

        var reports = new ReportsConfig(section.Int("stalled_deals_listed", 20, 1, 200));
        section.RejectUnknownKeys();
        return reports;
    }
}
