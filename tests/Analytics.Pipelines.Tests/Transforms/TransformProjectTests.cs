using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Transforms;
using Analytics.TestSupport.Warehouses;

namespace Analytics.Pipelines.Tests.Transforms;

public sealed class TransformProjectTests
{
    [Fact]
    public void The_shipped_project_loads_with_every_model_described()
    {
        var project = TransformProject.Load(TestWarehouse.TransformsFolder);

        Assert.Contains(project.Models, m => m.Name == "staging.opportunities");
        Assert.All(project.Models, m => Assert.False(string.IsNullOrWhiteSpace(m.Description)));
        Assert.All(project.Models.SelectMany(m => m.Columns), c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
        Assert.NotEmpty(project.MacroFiles);
    }

    [Fact]
    public void Models_come_after_the_models_they_read_and_the_models_their_inputs_tests_read()
    {
        var project = TransformProject.Load(TestWarehouse.TransformsFolder);
        var position = project.Models.Select((m, i) => (m.Name, i)).ToDictionary(x => x.Name, x => x.i);

        foreach (var model in project.Models)
        {
            foreach (var reference in model.References.Where(position.ContainsKey))
            {
                Assert.True(position[reference] < position[model.Name], $"{model.Name} is built before {reference}, which it reads");
            }
        }

        Assert.True(position["staging.deal_registrations"] < position["intermediate.opportunities"]);
    }

    [Fact]
    public void The_shipped_motion_stages_model_matches_the_csharp_motion_stages()
    {
        using var warehouse = TestWarehouse.Build(new DateOnly(2026, 6, 30), [MiniProject.Partner(1, "elite")]);

        var stages = warehouse.Query<(string Motion, int Index, string Stage)>("select motion, stage_index, stage from staging.motion_stages order by motion, stage_index");

        var expected = Analytics.Pipelines.Crm.MotionStages.Motions
            .SelectMany(m => Enumerable.Range(0, 7).Select(i => (m, i, Analytics.Pipelines.Crm.MotionStages.StageAt(m, i))))
            .OrderBy(x => x.m, StringComparer.Ordinal).ThenBy(x => x.i).ToList();
        Assert.Equal(expected, stages);
    }

    [Theory]
    [InlineData("marts/orphan.sql", "select 1 as x", "has no orphan.yml beside it")]
    [InlineData("marts/reads_missing.sql", "select 1 as x from staging.nothing_here", "references 'staging.nothing_here', which is not a model")]
    [InlineData("staging/reads_later.sql", "select 1 as x from marts.tier_mix", "cannot read 'marts.tier_mix' from the later layer marts")]
    [InlineData("staging/bad_source.sql", "select 1 as x from lake.invoices", "'lake.invoices' is not a lake source")]
    [InlineData("marts/reads_missing_as_of.sql", "select 1 as x from staging.invoices_as_of", "references 'staging.invoices_as_of', which is not a model")]
    [InlineData("marts/reads_intermediate_as_of.sql", "select 1 as x from intermediate.tiers_as_of", "references 'intermediate.tiers_as_of', which is not a model")]
    public void An_inconsistent_project_is_refused_naming_the_file_and_problem(string file, string sql, string problem)
    {
        using var project = new MiniProject();
        project.Write(file, sql);
        var layer = file.Split('/')[0];
        var name = Path.GetFileNameWithoutExtension(file);
        if (!problem.Contains("beside", StringComparison.Ordinal))
        {
            project.Write($"{layer}/{name}.yml", $"models:\n  - name: {name}\n    description: \"x\"\n    columns:\n      - name: x\n        description: \"x\"\n");
        }

        var error = Assert.Throws<TransformProjectException>(() => TransformProject.Load(project.Folder));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_cycle_is_refused_naming_the_cycle()
    {
        using var project = new MiniProject();
        project.Write("intermediate/a.sql", "select * from intermediate.b");
        project.Write("intermediate/b.sql", "select * from intermediate.a");
        project.Write("intermediate/a.yml", "models:\n  - name: a\n    description: \"a\"\n");
        project.Write("intermediate/b.yml", "models:\n  - name: b\n    description: \"b\"\n");

        var error = Assert.Throws<TransformProjectException>(() => TransformProject.Load(project.Folder));

        Assert.Contains("intermediate.a -> intermediate.b -> intermediate.a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_describing_a_model_without_sql_is_refused_naming_the_file()
    {
        using var project = new MiniProject();
        project.Write("marts/ghost.yml", "models:\n  - name: ghost\n    description: \"x\"\n");

        var error = Assert.Throws<TransformProjectException>(() => TransformProject.Load(project.Folder));

        Assert.Contains("marts/ghost.yml: describes model 'marts.ghost'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ghost.sql does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("marts/tier_mix.yml", "models:\n  - name: tier_share\n    description: \"x\"\n",
        "marts/tier_mix.yml: describes 'tier_share' (line 2); a <model>.yml describes exactly the model of its file name, 'marts.tier_mix'")]
    [InlineData("marts/tier_mix.yml", "models:\n  - name: tier_mix\n    description: \"x\"\n  - name: tier_share\n    description: \"y\"\n",
        "marts/tier_mix.yml: describes 'tier_mix' (line 2), 'tier_share' (line 4)")]
    [InlineData("marts/tier_mix.yaml", "models:\n  - name: tier_mix\n    description: \"x\"\n",
        "model 'marts.tier_mix' is described twice (tier_mix.yaml and tier_mix.yml)")]
    public void A_model_yaml_that_is_not_its_one_description_is_refused_naming_the_file(string file, string yaml, string problem)
    {
        using var project = new MiniProject();
        project.Write(file, yaml);

        var error = Assert.Throws<TransformProjectException>(() => TransformProject.Load(project.Folder));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tests: [unique_ish]", "unknown test 'unique_ish'")]
    [InlineData("tests:\n          - accepted_values: {values: []}", "'accepted_values.values' must list at least one value")]
    [InlineData("tests:\n          - expression: {where: \"x > 1\"}", "an expression test needs a name")]
    [InlineData("tests:\n          - not_null: {severity: fatal}", "'not_null.severity' must be one of error, warn")]
    [InlineData("colour: blue", "unknown key 'colour'")]
    public void Malformed_test_yaml_is_refused_naming_file_line_and_problem(string columnYaml, string problem)
    {
        using var project = new MiniProject();
        project.Write("marts/tier_mix.yml", $"""
            models:
              - name: tier_mix
                description: "x"
                columns:
                  - name: tier
                    description: "x"
                    {columnYaml}
            """);

        var error = Assert.Throws<ConfigurationException>(() => TransformProject.Load(project.Folder));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("tier_mix.yml:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_tests_with_one_name_are_refused()
    {
        using var project = new MiniProject();
        project.Write("marts/tier_mix.yml", """
            models:
              - name: tier_mix
                description: "x"
                tests:
                  - expression: {name: same_name, sql: "select 1 where false"}
                  - expression: {name: same_name, sql: "select 2 where false"}
            """);

        var error = Assert.Throws<TransformProjectException>(() => TransformProject.Load(project.Folder));

        Assert.Contains("'same_name' is used twice", error.Message, StringComparison.Ordinal);
    }
}
