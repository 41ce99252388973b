using System.Reflection;
using Analytics.Pipelines.Configuration;
using Analytics.Pipelines.Diagnostics;

namespace Analytics.Pipelines.Tests.Diagnostics;

public sealed class OperatorMessageTests
{
    private const string Quote = "partners.csv:7: the quoted field (column 'name') opened on line 7 is never closed";

    [Fact]
    public void Of_an_aggregate_of_the_same_failure_twice_says_it_once_without_the_wrapper()
    {
        var failure = new AggregateException(new IOException(Quote), new AggregateException(new IOException(Quote)));

        Assert.Equal(Quote, OperatorMessage.Of(failure));
    }

    [Fact]
    public void Of_an_aggregate_of_different_failures_says_each_on_one_line()
    {
        var failure = new AggregateException(new ConfigurationException("pipeline.yaml:3: 'source.kind' must be one of demo, files"), new IOException("drop/2026-11-20: not found\n(check the folder)"));

        Assert.Equal("pipeline.yaml:3: 'source.kind' must be one of demo, files; drop/2026-11-20: not found (check the folder)", OperatorMessage.Of(failure));
    }

    [Fact]
    public void Of_an_unforeseen_failure_names_its_type_and_opens_reflection_wrappers()
    {
        var failure = new TargetInvocationException(new InvalidOperationException("Sequence contains no elements"));

        Assert.Equal("InvalidOperationException: Sequence contains no elements", OperatorMessage.Of(failure));
    }

    [Theory]
    [InlineData("AggregateException: One or more errors occurred. (" + Quote + ") (" + Quote + ")", Quote)]
    [InlineData("backfill failed: AggregateException: One or more errors occurred. (" + Quote + ") (" + Quote + ")", "backfill failed: " + Quote)]
    [InlineData("backfill failed: One or more errors occurred. (a (1)) (b)", "backfill failed: a (1); b")]
    [InlineData("transform failed: model marts.x: Binder Error (line 3)", "transform failed: model marts.x: Binder Error (line 3)")]
    public void Clean_rewrites_an_older_records_dotnet_wrapper_text(string recorded, string expected)
    {
        Assert.Equal(expected, OperatorMessage.Clean(recorded));
    }
}
