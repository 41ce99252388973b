using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Analytics.Models.Learning;

/// <summary>
/// A binary classifier trained by ML.NET (<see cref="MlNetTrainer"/>): the fitted pipeline (for the linear model a
/// centring normaliser, then the calibrated predictor, then ML.NET's feature-contribution calculator), saved as an
/// ML.NET model zip. Scores stream through one IDataView cursor, so a million rows never sit in memory at once.
/// </summary>
/// <remarks>
/// Contributions come from ML.NET (<c>CalculateFeatureContribution</c>, not normalised) on the predictor's raw score
/// and are scaled by <see cref="LogOddsPerScore"/> into pushes on the calibrated log-odds, the unit our reasons use.
/// For the linear model they are <c>w_j · z_j</c> on centred, scaled features (a push against the average training row);
/// for trees, the change in score from taking the other branch at each split on the feature.
/// </remarks>
public sealed class MlNetClassifier
{
    private readonly MLContext _ml;
    private readonly ITransformer _pipeline;

    internal MlNetClassifier(string algorithm, int featureCount, double logOddsPerScore, MLContext ml, ITransformer pipeline)
    {
        Algorithm = algorithm;
        FeatureCount = featureCount;
        LogOddsPerScore = logOddsPerScore;
        _ml = ml;
        _pipeline = pipeline;
    }

    /// <summary>The trainer's name (<see cref="MlNetTrainer.FastTree"/> or <see cref="MlNetTrainer.LogisticRegression"/>).</summary>
    public string Algorithm { get; }

    /// <summary>Values per row.</summary>
    public int FeatureCount { get; }

    /// <summary>Calibrated log-odds per unit of the predictor's raw score: minus the Platt calibrator's slope.</summary>
    public double LogOddsPerScore { get; }

    /// <summary>
    /// Scores <paramref name="rows"/> in order, calling <paramref name="each"/> with the row's index, its probability
    /// and its features' pushes on the log-odds (a buffer reused between calls: copy what you keep).
    /// </summary>
    public void Score(IEnumerable<double[]> rows, Action<long, double, ReadOnlySpan<double>> each)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(each);
        var view = _ml.Data.LoadFromEnumerable(rows.Select(r => new MlNetExample { Features = ToFloats(r, FeatureCount) }), MlNetExample.Schema(FeatureCount));
        var scored = _pipeline.Transform(view);
        var probabilityColumn = scored.Schema["Probability"];
        var contributionColumn = scored.Schema["FeatureContributions"];
        using var cursor = scored.GetRowCursor([probabilityColumn, contributionColumn]);
        var probabilityGetter = cursor.GetGetter<float>(probabilityColumn);
        var contributionGetter = cursor.GetGetter<VBuffer<float>>(contributionColumn);
        float probability = 0;
        VBuffer<float> buffer = default;
        var contributions = new double[FeatureCount];
        long index = 0;
        while (cursor.MoveNext())
        {
            probabilityGetter(ref probability);
            contributionGetter(ref buffer);
            Array.Clear(contributions);
            var values = buffer.GetValues();
            if (buffer.IsDense)
            {
                for (var j = 0; j < values.Length; j++)
                {
                    contributions[j] = values[j] * LogOddsPerScore;
                }
            }
            else
            {
                var indices = buffer.GetIndices();
                for (var k = 0; k < values.Length; k++)
                {
                    contributions[indices[k]] = values[k] * LogOddsPerScore;
                }
            }

            each(index++, probability, contributions);
        }
    }

    /// <summary>The probabilities of <paramref name="rows"/>, in order.</summary>
    public double[] Probabilities(IReadOnlyList<double[]> rows)
    {
        var result = new double[rows.Count];
        Score(rows, (i, p, _) => result[i] = p);
        return result;
    }

    /// <summary>The model as an ML.NET zip.</summary>
    public byte[] Save()
    {
        using var stream = new MemoryStream();
        _ml.Model.Save(_pipeline, _ml.Data.LoadFromEnumerable(Array.Empty<MlNetExample>(), MlNetExample.Schema(FeatureCount)).Schema, stream);
        return stream.ToArray();
    }

    /// <summary>Loads a model saved with <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an ML.NET model of rows of <paramref name="featureCount"/> values.</exception>
    public static MlNetClassifier Load(string algorithm, int featureCount, double logOddsPerScore, byte[] zip)
    {
        var ml = new MLContext(seed: MlNetTrainer.Seed);
        try
        {
            using var stream = new MemoryStream(zip);
            var pipeline = ml.Model.Load(stream, out var schema);
            var features = schema["Features"].Type as VectorDataViewType;
            if (features?.Size != featureCount)
            {
                throw new InvalidDataException($"the model reads {features?.Size ?? 0} features, the card names {featureCount}.");
            }

            return new MlNetClassifier(algorithm, featureCount, logOddsPerScore, ml, pipeline);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException($"not an ML.NET model ({e.Message}).", e);
        }
    }

    /// <summary>
    /// SHA-256 over the zip's entry names and contents (not its timestamps), so the same model always hashes alike:
    /// what the card records and the version is built from.
    /// </summary>
    public static string ContentHash(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(entry.FullName + "\n"));
            using var content = entry.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            hash.AppendData(copy.ToArray());
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    internal static float[] ToFloats(double[] row, int featureCount)
    {
        if (row.Length != featureCount)
        {
            throw new ArgumentException($"Expected {featureCount} feature values, got {row.Length}.", nameof(row));
        }

        var values = new float[row.Length];
        for (var j = 0; j < row.Length; j++)
        {
            values[j] = (float)row[j];
        }

        return values;
    }
}
