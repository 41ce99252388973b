using Analytics.TestSupport.Http;

namespace Analytics.TestSupport.HubSpot;

/// <summary>Failures a test scripts into the HubSpot contract server, matched by a part of the request path.</summary>
public sealed class HubSpotFaults
{
    private readonly FaultQueue<HubSpotFault> _next = new();

    /// <summary>Answers the next <paramref name="times"/> requests whose path contains <paramref name="pathContains"/> with <paramref name="fault"/>.</summary>
    public void Next(string pathContains, HubSpotFault fault, int times = 1) => _next.Next(pathContains, fault, times);

    internal HubSpotFault? Take(string path) => _next.Take(path);
}
