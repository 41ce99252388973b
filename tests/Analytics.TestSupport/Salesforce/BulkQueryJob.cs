using Analytics.TestSupport.Salesforce.Soql;

namespace Analytics.TestSupport.Salesforce;

/// <summary>A Bulk 2.0 query job on the contract server: its plan, the snapshot of matching rows, its state.</summary>
internal sealed class BulkQueryJob(string id, string operation, SoqlPlan plan, List<object?[]> rows, DateTime created, string apiVersion, string? failure)
{
    public string Id { get; } = id;

    public string Operation { get; } = operation;

    public SoqlPlan Plan { get; } = plan;

    public List<object?[]> Rows { get; } = rows;

    public DateTime Created { get; } = created;

    public string ApiVersion { get; } = apiVersion;

    /// <summary>The errorMessage the job fails with when polled to its end (a scripted fault), or null.</summary>
    public string? Failure { get; } = failure;

    public string State { get; set; } = "UploadComplete";

    public int Polls { get; set; }

    public string? ErrorMessage { get; set; }
}
