using Microsoft.ML;
using Microsoft.ML.Data;

namespace Analytics.Models.Learning;

/// <summary>One row as ML.NET reads it: the feature vector and, when training, the outcome.</summary>
internal sealed class MlNetExample
{
    /// <summary>The feature values, in the model's feature order.</summary>
    public float[] Features { get; set; } = [];

    /// <summary>The outcome (true = positive); ignored when scoring.</summary>
    public bool Label { get; set; }

    /// <summary>The schema with the vector's size fixed, as ML.NET's trainers require.</summary>
    public static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(MlNetExample));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }
}
