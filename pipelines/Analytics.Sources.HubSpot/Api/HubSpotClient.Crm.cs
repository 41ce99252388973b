using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Analytics.Sources.HubSpot.Api;

public sealed partial class HubSpotClient
{
    // Batch association reads answer 207 for inputs without associations; those are not failures.
    private static readonly string[] NoAssociations = ["OBJECT_NOT_FOUND", "NO_ASSOCIATIONS_FOUND"];

    /// <summary>
    /// The associations of <paramref name="ids"/> (records of <paramref name="fromType"/>) to <paramref name="toType"/>
    /// records, with every association type and label (<c>POST /crm/v4/associations/{from}/{to}/batch/read</c>, 100 ids a
    /// call; an input with more associations than one answer holds is asked again from its <c>after</c>).
    /// </summary>
    public async IAsyncEnumerable<HubSpotAssociation> AssociationsAsync(string fromType, string toType, IEnumerable<string> ids, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var what = $"the {fromType}→{toType} associations";
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            var inputs = chunk.Select(id => (Id: id, After: (string?)null)).ToList();
            var pages = 0;
            while (inputs.Count > 0)
            {
                var body = new Dictionary<string, object>
                {
                    ["inputs"] = inputs.Select(i => i.After is null
                        ? new Dictionary<string, string> { ["id"] = i.Id }
                        : new Dictionary<string, string> { ["id"] = i.Id, ["after"] = i.After }).ToList(),
                };
                using var json = await PostJsonAsync($"crm/v4/associations/{fromType}/{toType}/batch/read", body, what, fromType, ct).ConfigureAwait(false);
                var root = json.RootElement;
                CheckBatchErrors(root, fromType, what);
                var more = new List<(string Id, string? After)>();
                foreach (var result in Results(root, fromType))
                {
                    var from = result.GetProperty("from").GetProperty("id").GetString()!;
                    foreach (var to in result.GetProperty("to").EnumerateArray())
                    {
                        var toId = to.GetProperty("toObjectId").ValueKind == JsonValueKind.Number
                            ? to.GetProperty("toObjectId").GetRawText()
                            : to.GetProperty("toObjectId").GetString()!;
                        foreach (var type in to.GetProperty("associationTypes").EnumerateArray())
                        {
                            yield return new HubSpotAssociation(
                                from,
                                toId,
                                type.GetProperty("typeId").GetInt32(),
                                Text(type, "category") ?? "HUBSPOT_DEFINED",
                                Text(type, "label") is { Length: > 0 } label ? label : null);
                        }
                    }

                    if (NextAfter(result) is { } after)
                    {
                        more.Add((from, after));
                    }
                }

                inputs = more;
                CheckPages(++pages, fromType, "association read");
            }
        }
    }

    /// <summary>The deal pipelines and their stages (<c>GET /crm/v3/pipelines/deals</c>).</summary>
    public async Task<IReadOnlyList<HubSpotPipeline>> PipelinesAsync(CancellationToken ct)
    {
        using var json = await GetJsonAsync("crm/v3/pipelines/deals", "the deal pipelines", "deals", ct).ConfigureAwait(false);
        return Results(json.RootElement, "pipelines").Select(p => new HubSpotPipeline(
            p.GetProperty("id").GetString()!,
            Text(p, "label") ?? string.Empty,
            p.GetProperty("stages").EnumerateArray()
                .Select(s => new HubSpotStage(s.GetProperty("id").GetString()!, Text(s, "label") ?? string.Empty, s.TryGetProperty("displayOrder", out var o) && o.TryGetInt32(out var order) ? order : 0))
                .OrderBy(s => s.DisplayOrder)
                .ToList())).ToList();
    }

    /// <summary>Every owner (<c>GET /crm/v3/owners</c>, 100 a page).</summary>
    public async IAsyncEnumerable<HubSpotOwner> OwnersAsync([EnumeratorCancellation] CancellationToken ct)
    {
        string? after = null;
        var pages = 0;
        do
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"crm/v3/owners?limit={ListPageSize}{(after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after))}");
            using var json = await GetJsonAsync(path, "the owners", "owners", ct).ConfigureAwait(false);
            foreach (var owner in Results(json.RootElement, "owners"))
            {
                yield return new HubSpotOwner(
                    owner.GetProperty("id").ValueKind == JsonValueKind.Number ? owner.GetProperty("id").GetRawText() : owner.GetProperty("id").GetString()!,
                    Text(owner, "email"));
            }

            after = NextAfter(json.RootElement);
            CheckPages(++pages, "owners", "list");
        }
        while (after is not null);
    }

    /// <summary>The properties <paramref name="objectType"/> has (<c>GET /crm/v3/properties/{objectType}</c>).</summary>
    public async Task<IReadOnlyList<HubSpotProperty>> PropertiesAsync(string objectType, CancellationToken ct)
    {
        using var json = await GetJsonAsync($"crm/v3/properties/{objectType}", $"the properties of {objectType}", objectType, ct).ConfigureAwait(false);
        return Results(json.RootElement, objectType).Select(p => new HubSpotProperty(p.GetProperty("name").GetString()!, Text(p, "type") ?? "string")).ToList();
    }

    private static void CheckBatchErrors(JsonElement root, string objectType, string what)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var error in errors.EnumerateArray())
        {
            var category = Text(error, "category");
            var sub = Text(error, "subCategory");
            if (!NoAssociations.Contains(category) && !NoAssociations.Any(n => sub?.Contains(n, StringComparison.Ordinal) == true))
            {
                throw new HubSpotException(HubSpotErrorKind.Other, $"{objectType}: {what} partly failed ({category ?? "error"}: {Short(Text(error, "message") ?? string.Empty)}).", objectType);
            }
        }
    }
}
