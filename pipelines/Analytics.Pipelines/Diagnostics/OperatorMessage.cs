using System.Reflection;
using System.Text;

namespace Analytics.Pipelines.Diagnostics;

/// <summary>
/// The one place a failure becomes the line an operator reads, in the console, in run.json and in <c>analytics status</c>:
/// wrappers (<see cref="AggregateException"/>, <see cref="TargetInvocationException"/>) are opened, the messages of the
/// failures inside them said once each, on one line; .NET type names only for failures we did not foresee; the stack
/// trace only when <c>ANALYTICS_DEBUG=1</c>.
/// </summary>
public static class OperatorMessage
{
    /// <summary>The environment variable that adds stack traces to console errors.</summary>
    public const string DebugVariable = "ANALYTICS_DEBUG";

    private const string AggregateText = "One or more errors occurred.";

    /// <summary>Whether <c>ANALYTICS_DEBUG=1</c> is set.</summary>
    public static bool DebugEnabled => Environment.GetEnvironmentVariable(DebugVariable) == "1";

    /// <summary>
    /// The failure as one line: each distinct message of the failures <paramref name="failure"/> wraps, in order, joined
    /// with "; ". A failure of a type this codebase does not throw itself is prefixed with its type name, since its
    /// message alone may not say what failed.
    /// </summary>
    public static string Of(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var messages = Leaves(failure).Select(e => IsForeseen(e) ? OneLine(e.Message) : $"{e.GetType().Name}: {OneLine(e.Message)}");
        return string.Join("; ", messages.Distinct(StringComparer.Ordinal));
    }

    /// <summary>
    /// A message already written down (an older run.json) cleaned the same way: .NET's "AggregateException: One or more
    /// errors occurred. (a) (a)" becomes "a", on one line.
    /// </summary>
    public static string Clean(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = OneLine(message);
        foreach (var prefix in new[] { "AggregateException: " + AggregateText, AggregateText })
        {
            var at = text.IndexOf(prefix, StringComparison.Ordinal);
            if (at >= 0 && Parenthesised(text[(at + prefix.Length)..]) is { Count: > 0 } inner)
            {
                return text[..at] + string.Join("; ", inner.Select(Clean).Distinct(StringComparer.Ordinal));
            }
        }

        return text;
    }

    /// <summary>The console text of a failure: <see cref="Of"/>, and with <c>ANALYTICS_DEBUG=1</c> the stack trace after it.</summary>
    public static string ForConsole(Exception failure) => DebugEnabled ? $"{Of(failure)}{Environment.NewLine}{failure}" : Of(failure);

    /// <summary>Multi-line text (a YAML or SQL error, a wrapped message) on one line.</summary>
    public static string OneLine(string message) =>
        string.Join(" ", message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The failures inside the wrappers, depth first, in order.</summary>
    private static IEnumerable<Exception> Leaves(Exception e) => e switch
    {
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 => aggregate.InnerExceptions.SelectMany(Leaves),
        TargetInvocationException { InnerException: { } inner } => Leaves(inner),
        _ => [e],
    };

    /// <summary>
    /// Failures whose messages are written for operators: ours (they name the file, line, field or object), file-system
    /// ones (they name the path) and DuckDB's (they name the error class: "IO Error: ...", "Binder Error: ...").
    /// </summary>
    private static bool IsForeseen(Exception e) =>
        e.GetType().Namespace?.StartsWith("Analytics.", StringComparison.Ordinal) == true
        || e is IOException or UnauthorizedAccessException or OperationCanceledException or DuckDB.NET.Data.DuckDBException;

    /// <summary>The top-level "(...)" groups of <paramref name="text"/>, or null when it is anything else.</summary>
    private static List<string>? Parenthesised(string text)
    {
        var groups = new List<string>();
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (depth == 0)
            {
                if (c == '(')
                {
                    depth = 1;
                    current.Clear();
                }
                else if (!char.IsWhiteSpace(c))
                {
                    return null;
                }

                continue;
            }

            depth += c switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                groups.Add(current.ToString().Trim());
            }
            else
            {
                current.Append(c);
            }
        }

        return depth == 0 ? groups : null;
    }
}
