namespace Analytics.Sources.Demo;

/// <summary>
/// The cut-offs at which one opportunity's state is wanted, and the states copied there while it was lived: for each
/// cut-off the deal was open at, the day about to be lived and the state at its start.
/// </summary>
internal sealed class DealCapture(IEnumerable<DateTime> cutoffs)
{
    private readonly SortedSet<DateTime> _pending = [.. cutoffs];

    /// <summary>The captured states by cut-off.</summary>
    public Dictionary<DateTime, (int Day, DealState State)> States { get; } = [];

    /// <summary>Called before each day is lived: copies the state for every pending cut-off the day starts at or after.</summary>
    public void Offer(DateTime dayStart, int day, DealState state)
    {
        while (_pending.Count > 0 && _pending.Min <= dayStart)
        {
            var cutoff = _pending.Min;
            _pending.Remove(cutoff);
            if (dayStart - cutoff < TimeSpan.FromDays(1))
            {
                States[cutoff] = (day, state.Copy());
            }
        }
    }
}
