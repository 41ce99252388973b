namespace Analytics.Models.Scoring;

/// <summary>One model in the stage: how to train it and how to score with it.</summary>
internal abstract class ScoringStep
{
    /// <summary>The model's name (its folder in the store).</summary>
    public abstract string Name { get; }

    /// <summary>Trains when <paramref name="train"/> is set or no file exists, then scores.</summary>
    public abstract ModelOutcome Run(ScoringContext context, bool train);
}

/// <summary>A <see cref="ScoringStep"/> over a model whose file holds <typeparamref name="T"/>.</summary>
internal sealed class ScoringStep<T>(
    string name,
    Func<ScoringContext, (ModelFile<T> File, IReadOnlyList<ModelEvaluation> Evaluations)> train,
    Func<ScoringContext, ModelFile<T>, long> score) : ScoringStep
{
    public override string Name => name;

    public override ModelOutcome Run(ScoringContext context, bool retrain)
    {
        var file = retrain ? null : context.Store.Load<T>(name);
        var trained = file is null;
        if (file is null)
        {
            try
            {
                var (newFile, evaluations) = train(context);
                context.Store.Save(newFile);
                context.Store.RecordEvaluations(evaluations);
                file = newFile;
            }
            catch (ModelTrainingException e)
            {
                // Too little history is a state of the lake, not a failure of the run: score with the last model if
                // there is one, otherwise say why there are no scores and let the other models go on.
                file = context.Store.Load<T>(name);
                context.Report($"{name}: not trained: {e.Message}");
                if (file is null)
                {
                    return ModelOutcome.Skip(name, e.Message);
                }

                trained = false;
            }
        }

        context.Report($"{name}: scoring with {file.Version}");
        var rows = score(context, file);
        return new ModelOutcome(name, file.Version, file.Kind, trained, rows, file.IsThin, file.Metrics, context.Store.CurrentFile(name),
            file.SnapshotDate, file.Training, file.Evaluation, file.Notes);
    }
}
