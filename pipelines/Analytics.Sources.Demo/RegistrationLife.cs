namespace Analytics.Sources.Demo;

/// <summary>
/// One deal registration's whole life: submission, decision, protection window with its extensions, and
/// conversion into an opportunity or expiry.
/// </summary>
internal sealed class RegistrationLife
{
    public required string Id { get; init; }

    public required PartnerProfile Partner { get; init; }

    /// <summary>The company name as the partner typed it.</summary>
    public required string CompanyName { get; init; }

    public required string CompanyDomain { get; init; }

    public required DateTime SubmittedAt { get; init; }

    public required DateTime DecidedAt { get; init; }

    public required bool Approved { get; init; }

    public string? DeclineReason { get; init; }

    /// <summary>Length of the protection window in days before extensions (60-90).</summary>
    public int ProtectionDays { get; init; }

    /// <summary>When the registration was matched to the account; <see cref="DateTime.MaxValue"/> if never.</summary>
    public DateTime AccountLinkedAt { get; set; } = DateTime.MaxValue;

    public OpportunityLife? Opportunity { get; set; }

    /// <summary>When each 30-day extension was granted, in order.</summary>
    public List<DateTime> Extensions { get; } = [];

    public const int ExtensionDays = 30;

    public DateOnly ProtectionStart => DemoCalendar.DateOf(DecidedAt);

    /// <summary>The last protected day once all extensions granted before <paramref name="cutoff"/> count.</summary>
    public DateOnly ProtectionEndBefore(DateTime cutoff) =>
        ProtectionStart.AddDays(ProtectionDays + (ExtensionDays * ExtensionsBefore(cutoff)));

    /// <summary>The last protected day after every extension.</summary>
    public DateOnly FinalProtectionEnd => ProtectionStart.AddDays(ProtectionDays + (ExtensionDays * Extensions.Count));

    /// <summary>The first instant the registration no longer protects the deal.</summary>
    public DateTime ProtectionEndsAt => DemoCalendar.StartOf(FinalProtectionEnd.AddDays(1));

    public int ExtensionsBefore(DateTime cutoff)
    {
        var count = 0;
        foreach (var extension in Extensions)
        {
            if (extension < cutoff)
            {
                count++;
            }
        }

        return count;
    }
}
