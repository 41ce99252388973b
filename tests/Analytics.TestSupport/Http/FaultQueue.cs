namespace Analytics.TestSupport.Http;

/// <summary>Scripted failures of a contract server: each answers the next request whose path contains a given part.</summary>
/// <typeparam name="TFault">The server's failure response.</typeparam>
public sealed class FaultQueue<TFault>
    where TFault : class
{
    private readonly Lock _gate = new();
    private readonly List<(string PathContains, TFault Fault)> _next = [];

    /// <summary>Answers the next <paramref name="times"/> requests whose path contains <paramref name="pathContains"/> with <paramref name="fault"/>.</summary>
    public void Next(string pathContains, TFault fault, int times = 1)
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

    /// <summary>The first scripted failure for <paramref name="path"/>, taken out of the queue; null when none.</summary>
    public TFault? Take(string path)
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
