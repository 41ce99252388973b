using System.Text.Json.Serialization;

namespace Analytics.Models.Learning;

/// <summary>
/// One regression tree of a <see cref="GradientBoostedTreesModel"/>, as flat node arrays: node 0 is the root; at a
/// split node a row goes to <c>Left</c> when its value of feature <c>Feature</c> is ≤ <c>Threshold</c>, else to
/// <c>Right</c>; a leaf has <c>Feature = −1</c>. <c>Value</c> is every node's log-odds change (a leaf's is what the tree
/// adds; a split node's is what it would add if it stopped there, used for contributions). Children always come after
/// their parent, so a walk ends.
/// </summary>
public sealed record BoostedTree
{
    /// <summary>Creates a tree, checking its arrays describe one.</summary>
    /// <exception cref="ArgumentException">Arrays of different lengths, or a child that is not after its parent.</exception>
    [JsonConstructor]
    public BoostedTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(value);
        var nodes = feature.Length;
        if (nodes == 0 || threshold.Length != nodes || left.Length != nodes || right.Length != nodes || value.Length != nodes)
        {
            throw new ArgumentException(
                $"A tree needs at least one node and node arrays of one length; got feature {nodes}, threshold {threshold.Length}, "
                + $"left {left.Length}, right {right.Length}, value {value.Length}.");
        }

        for (var n = 0; n < nodes; n++)
        {
            if (feature[n] >= 0 && (left[n] <= n || left[n] >= nodes || right[n] <= n || right[n] >= nodes))
            {
                throw new ArgumentException($"Node {n} has children {left[n]} and {right[n]}; children must come after their parent, within {nodes} nodes.");
            }
        }

        Feature = feature;
        Threshold = threshold;
        Left = left;
        Right = right;
        Value = value;
    }

    /// <summary>Per node: the index of the feature it splits on, −1 for a leaf.</summary>
    public int[] Feature { get; }

    /// <summary>Per node: rows with a value ≤ this go left.</summary>
    public double[] Threshold { get; }

    /// <summary>Per node: the left child's index (−1 for a leaf).</summary>
    public int[] Left { get; }

    /// <summary>Per node: the right child's index (−1 for a leaf).</summary>
    public int[] Right { get; }

    /// <summary>Per node: its log-odds value (leaf: the tree's output for rows that end there).</summary>
    public double[] Value { get; }
}
