using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Analytics.Models.Learning;

/// <summary>
/// The trees of a <see cref="GradientBoostedTreesModel"/> laid out for scoring: every node of every tree in one array
/// of small structs, each split's two children side by side (right = left + 1). A leaf routes every value to itself
/// (threshold NaN, so <c>x ≤ threshold</c> is false and the walk takes <c>Left + 1</c> = the leaf), so every walk is
/// exactly <see cref="_depth"/> steps with no data-dependent branch: the processor can overlap the walks of
/// successive trees, which is what makes scoring a million rows take about a second. Routing is the model's: left when
/// value ≤ threshold, else right (NaN goes right).
/// </summary>
internal sealed class PackedTrees
{
    private readonly PackedNode[] _nodes;
    private readonly int[] _roots;
    private readonly int _depth;

    public PackedTrees(IReadOnlyList<BoostedTree> trees)
    {
        var nodes = new List<PackedNode>();
        _roots = new int[trees.Count];
        var queue = new Queue<(int Source, int Target, int Depth)>();
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            _roots[t] = nodes.Count;
            nodes.Add(default);
            queue.Enqueue((0, _roots[t], 0));
            while (queue.Count > 0)
            {
                var (source, target, depth) = queue.Dequeue();
                if (tree.Feature[source] < 0)
                {
                    nodes[target] = new PackedNode(0, target - 1, double.NaN, tree.Value[source]);
                    _depth = Math.Max(_depth, depth);
                    continue;
                }

                var left = nodes.Count;
                nodes.Add(default);
                nodes.Add(default);
                queue.Enqueue((tree.Left[source], left, depth + 1));
                queue.Enqueue((tree.Right[source], left + 1, depth + 1));
                nodes[target] = new PackedNode(tree.Feature[source], left, tree.Threshold[source], tree.Value[source]);
            }
        }

        _nodes = [.. nodes];
    }

    /// <summary>Σ over trees of the leaf value <paramref name="raw"/> reaches.</summary>
    /// <remarks>The caller has checked <paramref name="raw"/> has a value per feature.</remarks>
    public double Sum(ReadOnlySpan<double> raw)
    {
        // Unchecked reads: node indices are built above and features were checked by the model (hot loop: 1 M rows ×
        // hundreds of trees).
        ref var first = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var value = ref MemoryMarshal.GetReference(raw);
        var depth = _depth;
        var sum = 0.0;
        foreach (var root in _roots)
        {
            ref var node = ref Unsafe.Add(ref first, root);
            for (var d = 0; d < depth; d++)
            {
                var right = Unsafe.Add(ref value, node.Feature) <= node.Threshold ? 0 : 1;
                node = ref Unsafe.Add(ref first, node.Left + right);
            }

            sum += node.Value;
        }

        return sum;
    }

    /// <summary>Adds each split's change in node value along the path of <paramref name="raw"/> to the split's feature.</summary>
    /// <remarks>The caller has checked both spans have a value per feature. A leaf's step to itself adds 0.</remarks>
    public void AddContributions(ReadOnlySpan<double> raw, Span<double> into)
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var value = ref MemoryMarshal.GetReference(raw);
        ref var contribution = ref MemoryMarshal.GetReference(into);
        var depth = _depth;
        foreach (var root in _roots)
        {
            ref var node = ref Unsafe.Add(ref first, root);
            for (var d = 0; d < depth; d++)
            {
                var right = Unsafe.Add(ref value, node.Feature) <= node.Threshold ? 0 : 1;
                ref var child = ref Unsafe.Add(ref first, node.Left + right);
                Unsafe.Add(ref contribution, node.Feature) += child.Value - node.Value;
                node = ref child;
            }
        }
    }

    /// <summary>A node: split feature (0 at a leaf), left child (right is next), threshold (NaN at a leaf), value.</summary>
    private readonly record struct PackedNode(int Feature, int Left, double Threshold, double Value);
}
