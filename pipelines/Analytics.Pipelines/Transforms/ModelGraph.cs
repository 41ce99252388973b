namespace Analytics.Pipelines.Transforms;

/// <summary>
/// The build order of models from their references: each model comes after every model its SQL reads, and after every
/// model those models' data tests read, so a model's tests have all run (and can stop it) before anything downstream
/// of it is built. A model's own tests may read models built after it (a relationship to a later model): they run as
/// soon as those exist. Ties keep layer, then name order, so the order is stable from run to run.
/// </summary>
public static class ModelGraph
{
    /// <summary>Sorts <paramref name="models"/> so that dependencies come first.</summary>
    /// <exception cref="TransformProjectException">The references form a cycle (the message names it).</exception>
    public static IReadOnlyList<ModelDefinition> BuildOrder(IReadOnlyList<ModelDefinition> models)
    {
        var byName = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var ordered = new List<ModelDefinition>(models.Count);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path, true: placed
        var path = new Stack<string>();

        foreach (var model in models.OrderBy(m => TransformProject.LayerRank(m.Layer)).ThenBy(m => m.Name, StringComparer.Ordinal))
        {
            Visit(model);
        }

        return ordered;

        void Visit(ModelDefinition model)
        {
            if (state.TryGetValue(model.Name, out var placed))
            {
                if (!placed)
                {
                    var cycle = path.Reverse().SkipWhile(n => n != model.Name).Append(model.Name);
                    throw new TransformProjectException($"model references form a cycle: {string.Join(" -> ", cycle)}.");
                }

                return;
            }

            state[model.Name] = false;
            path.Push(model.Name);
            foreach (var dependency in Dependencies(model, byName).Order(StringComparer.Ordinal))
            {
                if (byName.TryGetValue(dependency, out var upstream))
                {
                    Visit(upstream);
                }
            }

            path.Pop();
            state[model.Name] = true;
            ordered.Add(model);
        }
    }

    /// <summary>The models <paramref name="model"/> waits for: what its SQL reads, and what their tests read.</summary>
    public static IEnumerable<string> Dependencies(ModelDefinition model, IReadOnlyDictionary<string, ModelDefinition> byName) =>
        model.References
            .Select(r => TransformProject.AsOfViewModel(r) ?? r) // an "as of" view exists once its staging model is built
            .Concat(model.References.SelectMany(r => byName.TryGetValue(r, out var upstream) ? upstream.Tests.SelectMany(t => t.References) : []))
            .Where(r => r != model.Name)
            .Distinct(StringComparer.Ordinal);
}
