namespace Analytics.TestSupport.HubSpot;

/// <summary>Failures a test scripts into the HubSpot contract server, matched by a part of the request path.</summary>
public sealed class HubSpotFaults
{
    private readonly Lock _gate = new();
    private readonly List<(string PathContains, HubSpotFault Fault)> _next = [];

    /// <summary>Answers the next <paramref name="times"/> requests whose path contains <paramref name="pathContains"/> with <paramref name="fault"/>.</summary>
    public void Next(string pathContains, HubSpotFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(pathContains);
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _next.Add((pathContains, fault));
            }
        }
    }

    internal HubSpotFault? Take(string path)
    {
        lock (_gate)
        {
            var index = _next.FindIndex(n => path.Contains(n.PathContains, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            var fault = _next[index].Fault;
            _next.RemoveAt(index);
            return fault;
        }
    }
}
