using Analytics.Pipelines.Crm;

namespace Analytics.Sources.Demo;

/// <summary>
/// The built-in demo CRM: a deterministic, realistic partner program generated from a seed (docs/demo-crm.md).
/// </summary>
/// <remarks>
/// Every account's whole life, future included, is generated from (seed, account index) whatever the snapshot
/// date, then cut at the end of the snapshot day. So a snapshot never shows anything created or changed after its
/// date, later snapshots continue earlier ones, and the same options and date always give the same records in
/// the same order. Accounts are generated, written and forgotten one at a time: memory does not grow with
/// <see cref="DemoCrmOptions.Scale"/> beyond the partner roster.
/// </remarks>
public sealed partial class DemoCrm
{
    private const int BaseAccounts = 6_000;

    private readonly ProgramRoster _roster;
    private readonly AccountLifeGenerator _accounts;

    /// <summary>Prepares the demo CRM: generates the partner roster and the sales team (small, held in memory).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="DemoCrmOptions.Validate"/>).</exception>
    public DemoCrm(DemoCrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var historyStart = DemoCalendar.StartOf(options.HistoryStart);
        var historyEnd = DemoCalendar.CutoffOf(options.HistoryEnd);
        AccountCount = Math.Max(1, (int)Math.Round(BaseAccounts * options.Scale));
        _roster = ProgramRoster.Create(options.Seed, options.Scale, historyStart, historyEnd);
        _accounts = new AccountLifeGenerator(options.Seed, _roster, historyStart, historyEnd);
        _oracleAccounts = new AccountLifeGenerator(options.Seed, _roster, historyStart, historyEnd);
    }

    /// <summary>The options this CRM was generated from.</summary>
    public DemoCrmOptions Options { get; }

    /// <summary>The number of accounts generated (some appear only in later snapshots).</summary>
    public int AccountCount { get; }

    /// <summary>
    /// Writes every entity's records as the CRM stood at the end of day <paramref name="asOf"/> (UTC) to
    /// <paramref name="sink"/>: first partners, certifications and proofs, then account by account the account,
    /// its opportunities (each followed by its partner rows, stage history and activities), deal registrations,
    /// lead registrations, CSAT responses and conflicts.
    /// </summary>
    public void WriteSnapshot(DateOnly asOf, ICrmRecordSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var cutoff = DemoCalendar.CutoffOf(asOf);
        _roster.WriteSnapshot(cutoff, sink);
        for (var index = 0; index < AccountCount; index++)
        {
            AccountSnapshotWriter.Write(_accounts.Generate(index), cutoff, sink);
        }
    }

    /// <summary>Returns the snapshot as of the end of day <paramref name="asOf"/>, held in memory (for tests and small scales).</summary>
    public CrmSnapshotBuffer Snapshot(DateOnly asOf)
    {
        var buffer = new CrmSnapshotBuffer();
        WriteSnapshot(asOf, buffer);
        return buffer;
    }
}
