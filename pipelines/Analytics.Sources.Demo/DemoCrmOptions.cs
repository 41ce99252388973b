namespace Analytics.Sources.Demo;

/// <summary>
/// Settings of the demo CRM. The same options always generate the same CRM, byte for byte.
/// </summary>
public sealed record DemoCrmOptions
{
    private readonly DateOnly? _historyStart;

    /// <summary>The random seed. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Size multiplier, greater than 0 and at most 1,000. Accounts and opportunities grow in proportion (scale 1:
    /// about 6,000 accounts and 24,000 opportunities; 41.7: about a million opportunities); partners and partner
    /// managers grow with its square root, sellers with its 0.7th power. Default 1.
    /// </summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>The last day on which opportunities are created. Default 2026-11-30.</summary>
    public DateOnly HistoryEnd { get; init; } = new(2026, 11, 30);

    /// <summary>The first day on which opportunities are created. Default: 36 months before <see cref="HistoryEnd"/>.</summary>
    public DateOnly HistoryStart
    {
        get => _historyStart ?? HistoryEnd.AddMonths(-36);
        init => _historyStart = value;
    }

    /// <summary>Throws when the options cannot describe a CRM, naming the setting and its allowed range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Scale or the history span is out of range.</exception>
    public void Validate()
    {
        if (!(Scale > 0 && Scale <= 1_000))
        {
            throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "Scale must be greater than 0 and at most 1000.");
        }

        if (HistoryStart.AddDays(90) > HistoryEnd)
        {
            throw new ArgumentOutOfRangeException(
                nameof(HistoryStart), HistoryStart, $"HistoryStart must be at least 90 days before HistoryEnd ({HistoryEnd:yyyy-MM-dd}).");
        }
    }
}
