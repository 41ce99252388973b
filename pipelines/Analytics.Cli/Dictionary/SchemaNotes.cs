namespace Analytics.Cli.Dictionary;

/// <summary>
/// The order in which the data dictionary presents the warehouse's schemas (what analysts read first, then the layers
/// beneath, then the plumbing) and the paragraph that says what each schema is.
/// </summary>
internal static class SchemaNotes
{
    /// <summary>The schema whose tables exist only while a data test fails: described, never listed table by table.</summary>
    public const string TestFailures = "test_failures";

    /// <summary>The known schemas in dictionary order; any other schema follows them alphabetically.</summary>
    public static IReadOnlyList<string> Order { get; } = ["marts", "scores", "intermediate", "staging", "lake", "config", "catalog", TestFailures];

    /// <summary>The position of <paramref name="schema"/> in the dictionary (unknown schemas last).</summary>
    public static int Rank(string schema)
    {
        for (var i = 0; i < Order.Count; i++)
        {
            if (Order[i] == schema)
            {
                return i;
            }
        }

        return Order.Count;
    }

    /// <summary>What <paramref name="schema"/> is, in a short paragraph (Markdown, links relative to <c>docs/</c>).</summary>
    public static string Paragraph(string schema) => schema switch
    {
        "marts" => "What analysts, the QBR packs and the weekly emails read, named after what they describe. SQL models in "
            + "`pipelines/transforms/marts/`, built from the intermediate layer, every column described in the YAML beside the SQL. "
            + "The names are fixed: reports and analysts depend on them. Scope rules: "
            + "[transforms.md](transforms.md#the-marts-schema-marts).",
        "scores" => "What the trained models compute (`analytics score`; step 3 of `analytics run`): the stalled-deal score of every open "
            + "partner deal, each partner's tier readiness, the partner-sourced ARR forecast with its back-test, and the model file "
            + "behind each. Written into the warehouse after the transform. How the models are trained without peeking into the "
            + "future, and how good they are: [models.md](models.md).",
        "intermediate" => "Shared building blocks the marts are computed from: every deal enriched once, credited ARR per partner row, "
            + "the fiscal-quarter spine, and the working sets of the operations marts. SQL models in "
            + "`pipelines/transforms/intermediate/`; they read staging and each other.",
        "staging" => "One model per canonical CRM entity: the lake snapshot being built, renamed and cast, nothing else (SQL in "
            + "`pipelines/transforms/staging/`). Beside each, a view `<entity>_as_of` applies the same renames and casts to every "
            + "landed snapshot up to the build's: filter on `snapshot_date` to read the CRM as it stood on any of them.",
        "lake" => "Views over the lake's Parquet files, which the transform creates from the snapshot manifests (so only completely "
            + "landed snapshots are read): `lake.<entity>` is the snapshot being built, `lake.<entity>_snapshots` every landed "
            + "snapshot up to it. The columns are the canonical CRM schema exactly as extracted. The views read the files when "
            + "queried, so they need the lake where the build found it.",
        "config" => "The configuration a build used, as tables the SQL models read: the tiers, criteria and grace margin of the "
            + "quarterly tier review (pipeline.yaml `tiers:`). The thresholds are configuration, not definitions, so this page leaves "
            + "them out: `analytics catalog config.tier_criteria` shows the ones a warehouse was built with.",
        "catalog" => "What the warehouse records about itself: the build, every table and column (this page is generated from them), "
            + "the data tests with their results, and the lake files read; and, copied in after every run so that the nightly "
            + "rebuild does not lose them, the run history, the delivery ledger and the model evaluations.",
        TestFailures => "The failing rows of data tests that did not pass, at most `transform.failing_rows_kept` per test: one table per "
            + "failing test, named after the test. They exist only while a test fails, so none is listed here; `catalog.tests` gives "
            + "each failing test's table and exact count of failing rows, and `analytics catalog` lists them.",
        _ => "Tables the pipeline does not write (created by hand or by another tool).",
    };
}
