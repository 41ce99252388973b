using System.Globalization;

namespace Analytics.Models.Learning;

/// <summary>
/// The checks every learner makes on its training input before fitting, with messages that name the row and the
/// feature, so a bad cell in a feature query is found without a debugger.
/// </summary>
internal static class TrainingRows
{
    /// <summary>
    /// Checks names, row lengths, finite values and (when given) weights. Row numbers in messages count from 0, in
    /// the order the rows were passed.
    /// </summary>
    public static void Check(IReadOnlyList<string> featureNames, IReadOnlyList<double[]> rows, IReadOnlyList<double>? weights)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(rows);
        if (featureNames.Count == 0)
        {
            throw new ArgumentException("At least one feature is needed.", nameof(featureNames));
        }

        if (featureNames.Distinct(StringComparer.Ordinal).Count() != featureNames.Count)
        {
            throw new ArgumentException($"Feature names must be distinct: [{string.Join(", ", featureNames)}].", nameof(featureNames));
        }

        if (rows.Count == 0)
        {
            throw new ArgumentException("Cannot train on zero rows.", nameof(rows));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"Row {i} is null.", nameof(rows));
            if (row.Length != featureNames.Count)
            {
                throw new ArgumentException(
                    $"Row {i} has {row.Length} values but there are {featureNames.Count} features ({string.Join(", ", featureNames)}).", nameof(rows));
            }

            for (var j = 0; j < row.Length; j++)
            {
                if (!double.IsFinite(row[j]))
                {
                    throw new ArgumentException(
                        $"Row {i}, feature '{featureNames[j]}' is {row[j].ToString(CultureInfo.InvariantCulture)}; "
                        + "every training value must be a finite number (impute or drop missing values before training).", nameof(rows));
                }
            }
        }

        if (weights is null)
        {
            return;
        }

        if (weights.Count != rows.Count)
        {
            throw new ArgumentException($"There are {weights.Count} weights for {rows.Count} rows; give one weight per row.", nameof(weights));
        }

        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            if (!double.IsFinite(weights[i]) || weights[i] < 0)
            {
                throw new ArgumentException(
                    $"Row {i} has weight {weights[i].ToString(CultureInfo.InvariantCulture)}; weights must be finite and ≥ 0.", nameof(weights));
            }

            total += weights[i];
        }

        if (total <= 0)
        {
            throw new ArgumentException("Every weight is 0; at least one row must count.", nameof(weights));
        }
    }

    /// <summary>
    /// Checks the labels match the rows and hold both outcomes (among rows of positive weight), since a model of one
    /// outcome has nothing to learn.
    /// </summary>
    public static (long Positives, long Negatives) CheckLabels(IReadOnlyList<bool> labels, int rowCount, IReadOnlyList<double>? weights)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != rowCount)
        {
            throw new ArgumentException($"There are {labels.Count} labels for {rowCount} rows; give one label per row.", nameof(labels));
        }

        long positives = 0;
        long negatives = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (weights is not null && weights[i] == 0)
            {
                continue;
            }

            if (labels[i])
            {
                positives++;
            }
            else
            {
                negatives++;
            }
        }

        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException(
                $"The labels are all {(positives == 0 ? "negative" : "positive")} ({positives} positive, {negatives} negative); "
                + "a classifier needs both outcomes in its training rows.", nameof(labels));
        }

        return (positives, negatives);
    }
}
