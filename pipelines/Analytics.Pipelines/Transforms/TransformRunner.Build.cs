using Analytics.Pipelines.Resilience;
using System.Diagnostics;
using DuckDB.NET.Data;
using Analytics.Pipelines.Lake;

namespace Analytics.Pipelines.Transforms;

public sealed partial class TransformRunner
{
    /// <summary>One build's state: what was built, what failed, what was skipped and why.</summary>
    internal sealed class Build(TransformProject project, TransformRequest request, DateOnly snapshot, IProgress<TransformProgress>? progress)
    {
        /// <summary>The schema holding failing rows of failed tests.</summary>
        public const string FailuresSchema = "test_failures";

        private const int SampleRows = 5;

        private readonly Dictionary<string, ModelStatus> _status = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ModelOutcome> _outcomes = new(StringComparer.Ordinal);

        public TransformProject Project { get; } = project;

        public DateOnly Snapshot { get; } = snapshot;

        public List<ModelOutcome> Models { get; } = [];

        public List<TestOutcome> Tests { get; } = [];

        /// <summary>The "as of" views derived from staging models: view name, the model it comes from.</summary>
        public List<(string View, ModelDefinition Model)> AsOfViews { get; } = [];

        public IReadOnlyList<EntityLanding> Sources { get; private set; } = [];

        /// <summary>The configuration tables written before the models (schema config).</summary>
        public IReadOnlyList<ConfigSchemaTables.Table> ConfigTables { get; private set; } = [];

        public bool Succeeded => Models.All(m => m.Status == ModelStatus.Built) && Tests.All(t => t.Status != TestStatus.Failed);

        public void Prepare(DuckDBConnection connection, LakeLayout layout, IReadOnlyList<DateOnly> landed)
        {
            Report(0, $"reading the lake snapshot of {Snapshot:yyyy-MM-dd}");
            Execute(connection, $"set variable snapshot_date = date '{Snapshot:yyyy-MM-dd}'");
            Execute(connection, $"set variable fiscal_year_start_month = {request.FiscalYearStartMonth}");
            foreach (var schema in TransformProject.Layers.Append(WarehouseCatalog.Schema).Append(FailuresSchema))
            {
                Execute(connection, $"create schema {schema}");
            }

            Sources = LakeViews.Create(connection, layout, Snapshot, landed);
            foreach (var macro in Project.MacroFiles)
            {
                try
                {
                    Execute(connection, File.ReadAllText(macro));
                }
                catch (DuckDBException e) when (!StorageFailure.IsPermanent(e))
                {
                    throw new TransformProjectException($"{macro}: {e.Message}");
                }
            }

            ConfigTables = ConfigSchemaTables.Create(connection, request.Tiers, request.Targets);
        }

        public void BuildModels(DuckDBConnection connection)
        {
            var models = Project.Models;
            var byName = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
            var pending = new List<DataTestDefinition>();
            for (var i = 0; i < models.Count; i++)
            {
                var model = models[i];
                var blocker = ModelGraph.Dependencies(model, byName).FirstOrDefault(d => _status.TryGetValue(d, out var s) && s != ModelStatus.Built);
                if (blocker is not null)
                {
                    Skip(model, $"not built: {blocker} {(_status[blocker] == ModelStatus.Failed ? "failed" : "was skipped")}");
                    continue;
                }

                Report(i, $"building {model.Name}");
                var outcome = Materialise(connection, model);
                _status[model.Name] = outcome.Status;
                _outcomes[model.Name] = outcome;
                if (outcome.Status == ModelStatus.Built)
                {
                    pending.AddRange(model.Tests);
                    if (model.Layer == "staging")
                    {
                        CreateAsOfView(connection, model); // at once, so later layers can read every snapshot
                    }
                }
                else
                {
                    SkipTests(model, $"{model.Name} failed");
                }

                RunReadyTests(connection, pending);
            }

            foreach (var test in pending)
            {
                Tests.Add(new TestOutcome(test, TestStatus.Skipped, 0, null, [], 0, "a model it reads was not built"));
            }

            Models.AddRange(models.Select(m => _outcomes[m.Name]));
            Report(models.Count, Succeeded ? "built" : "failed");
        }

        /// <summary>Runs every pending test whose model and every model it reads are built; a failure fails its model.</summary>
        private void RunReadyTests(DuckDBConnection connection, List<DataTestDefinition> pending)
        {
            foreach (var test in pending.ToList())
            {
                var reads = test.References.Where(r => r != test.Model).ToList();
                if (reads.Any(r => !_status.ContainsKey(r)))
                {
                    continue; // waits for a model built later
                }

                pending.Remove(test);
                var missing = reads.FirstOrDefault(r => _status[r] != ModelStatus.Built);
                if (missing is not null)
                {
                    Tests.Add(new TestOutcome(test, TestStatus.Skipped, 0, null, [], 0, $"{missing} was not built"));
                    continue;
                }

                var outcome = RunTest(connection, test);
                Tests.Add(outcome);
                if (outcome.Status == TestStatus.Failed)
                {
                    var model = _outcomes[test.Model];
                    _status[test.Model] = ModelStatus.Failed;
                    _outcomes[test.Model] = model with
                    {
                        Status = ModelStatus.Failed,
                        Error = (model.Error is null ? "error-severity test(s) failed: " : model.Error + ", ") + test.Name,
                    };
                }
            }
        }

        private ModelOutcome Materialise(DuckDBConnection connection, ModelDefinition model)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var kind = model.Materialization == Materialization.View ? "view" : "table";
                Execute(connection, $"create {kind} {model.Name} as\n{model.Sql}\n");
                long? rows = model.Materialization == Materialization.Table ? Count(connection, $"select count(*) from {model.Name}") : null;
                return new ModelOutcome(model, ModelStatus.Built, rows, Elapsed(started), null);
            }
            catch (DuckDBException e) when (!StorageFailure.IsPermanent(e))
            {
                return new ModelOutcome(model, ModelStatus.Failed, null, Elapsed(started), $"{model.SqlFile}: {e.Message}");
            }
        }

        private TestOutcome RunTest(DuckDBConnection connection, DataTestDefinition test)
        {
            var started = Stopwatch.GetTimestamp();
            var failedStatus = test.Severity == TestSeverity.Error ? TestStatus.Failed : TestStatus.Warned;
            try
            {
                var failing = Count(connection, $"select count(*) from (\n{test.FailingRowsSql}\n)");
                if (failing == 0)
                {
                    return new TestOutcome(test, TestStatus.Passed, 0, null, [], Elapsed(started), null);
                }

                var table = $"{FailuresSchema}.{test.Name}";
                Execute(connection, $"create table {table} as select * from (\n{test.FailingRowsSql}\n) limit {request.FailingRowsKept}");
                return new TestOutcome(test, failedStatus, failing, table, ReadSample(connection, table), Elapsed(started), null);
            }
            catch (DuckDBException e) when (!StorageFailure.IsPermanent(e))
            {
                return new TestOutcome(test, failedStatus, 0, null, [], Elapsed(started), $"the test query failed: {e.Message}");
            }
        }

        private static List<IReadOnlyDictionary<string, object?>> ReadSample(DuckDBConnection connection, string table)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"select * from {table} limit {SampleRows}";
            using var reader = command.ExecuteReader();
            var rows = new List<IReadOnlyDictionary<string, object?>>();
            while (reader.Read())
            {
                var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return rows;
        }

        /// <summary>
        /// staging.&lt;model&gt;_as_of: the same renames and casts over every landed snapshot up to this one (the model's
        /// lake.&lt;entity&gt; source swapped for lake.&lt;entity&gt;_snapshots), so any past snapshot can be read.
        /// </summary>
        private void CreateAsOfView(DuckDBConnection connection, ModelDefinition model)
        {
            var sources = model.References.Where(r => r.StartsWith(TransformProject.LakeSchema + ".", StringComparison.Ordinal)
                && !r.EndsWith(LakeViews.SnapshotsSuffix, StringComparison.Ordinal)).ToList();
            if (sources.Count != 1 || Project.Models.Any(m => m.Name == model.Name + AsOfSuffix))
            {
                return;
            }

            var sql = SqlReferences.Replace(model.Sql, sources[0], sources[0] + LakeViews.SnapshotsSuffix);
            var view = model.Name + AsOfSuffix;
            Execute(connection, $"create view {view} as\n{sql}\n");
            AsOfViews.Add((view, model));
        }

        /// <summary>The suffix of a staging model's every-snapshot view.</summary>
        public const string AsOfSuffix = "_as_of";

        private void Skip(ModelDefinition model, string reason)
        {
            _status[model.Name] = ModelStatus.Skipped;
            _outcomes[model.Name] = new ModelOutcome(model, ModelStatus.Skipped, null, 0, reason);
            SkipTests(model, $"{model.Name} was not built");
        }

        private void SkipTests(ModelDefinition model, string reason)
        {
            foreach (var test in model.Tests)
            {
                Tests.Add(new TestOutcome(test, TestStatus.Skipped, 0, null, [], 0, reason));
            }
        }

        private void Report(int done, string message) => progress?.Report(new TransformProgress(done, Project.Models.Count, message));
    }
}
