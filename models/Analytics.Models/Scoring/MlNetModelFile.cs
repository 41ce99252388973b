using Analytics.Models.Learning;

namespace Analytics.Models.Scoring;

/// <summary>An ML.NET model saved as a zip in the model's folder of the store, named by its content; the card holds this record.</summary>
/// <param name="Algorithm">fast_tree or lbfgs_logistic_regression.</param>
/// <param name="File">The zip's file name in the model's folder.</param>
/// <param name="ContentSha256">SHA-256 of the zip's entries (names and contents), checked when loading.</param>
/// <param name="LogOddsPerScore">Calibrated log-odds per unit of the predictor's raw score (minus the Platt slope): scales ML.NET's contributions into pushes on the log-odds.</param>
public sealed record MlNetModelFile(string Algorithm, string File, string ContentSha256, double LogOddsPerScore)
{
    /// <summary>Saves <paramref name="classifier"/>'s zip under <paramref name="model"/>'s folder of <paramref name="store"/>, named by its content hash.</summary>
    public static MlNetModelFile Save(ModelStore store, string model, MlNetClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(classifier);
        var zip = classifier.Save();
        var hash = MlNetClassifier.ContentHash(zip);
        var file = $"{classifier.Algorithm}-{hash[..16]}.zip";
        store.SaveArtifact(model, file, zip);
        return new MlNetModelFile(classifier.Algorithm, file, hash, classifier.LogOddsPerScore);
    }

    /// <summary>Loads the zip from <paramref name="model"/>'s folder of <paramref name="store"/>, checking it is the one the card names.</summary>
    /// <exception cref="ModelFileException">The zip is missing, altered or not an ML.NET model of <paramref name="featureCount"/> features.</exception>
    public MlNetClassifier Load(ModelStore store, string model, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(store);
        var path = store.ArtifactPath(model, File);
        if (!System.IO.File.Exists(path))
        {
            throw new ModelFileException($"{path}: the model card names this ML.NET model but the file is missing; retrain with `analytics train`.");
        }

        var bytes = System.IO.File.ReadAllBytes(path);
        try
        {
            if (MlNetClassifier.ContentHash(bytes) != ContentSha256)
            {
                throw new ModelFileException($"{path}: the ML.NET model's content does not match the card's hash; retrain with `analytics train`.");
            }

            return MlNetClassifier.Load(Algorithm, featureCount, LogOddsPerScore, bytes);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException($"{path}: {e.Message} Retrain with `analytics train`.");
        }
    }
}
