using System.Globalization;
using Analytics.Pipelines.Sources;
using Npgsql;

namespace Analytics.Sources.Postgres.Reading;

/// <summary>
/// The replica's connection string, read from the environment variable the configuration names: in Npgsql's
/// <c>Host=...;Username=...</c> form or as a <c>postgresql://user:password@host:port/database</c> URI. The password
/// never leaves this class: <see cref="Description"/> names host, port, database and user only, and every message
/// built from a driver error goes through <see cref="Redact"/>.
/// </summary>
internal sealed class ReplicaConnection
{
    private readonly NpgsqlConnectionStringBuilder _builder;
    private readonly string? _password;

    private ReplicaConnection(NpgsqlConnectionStringBuilder builder, string variable)
    {
        _builder = builder;
        _password = string.IsNullOrEmpty(builder.Password) ? null : builder.Password;
        Variable = variable;
        // One connection for one night's read, closed for real afterwards rather than kept idle in a pool.
        _builder.Pooling = false;
        _builder.ApplicationName ??= "partner-analytics extract";
    }

    /// <summary>The environment variable the connection string came from.</summary>
    public string Variable { get; }

    /// <summary><c>127.0.0.1:5432/crm as reader</c>: never the password.</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture, $"{_builder.Host}:{_builder.Port}/{_builder.Database} as {_builder.Username}");

    /// <summary>Reads the connection string from <paramref name="variable"/>.</summary>
    /// <exception cref="SourceException">The variable is not set, or its value is not a connection string.</exception>
    public static ReplicaConnection FromEnvironment(string variable, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var value = environment(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new SourceException($"postgres: the environment variable {variable} (source.postgres.connection_string_variable) is not set; "
                + "set it to the replica's connection string, e.g. Host=replica.internal;Database=crm;Username=analytics;Password=...");
        }

        try
        {
            return new ReplicaConnection(Parse(value.Trim()), variable);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or KeyNotFoundException)
        {
            // The driver's message may quote the value it could not read; the password may be that value.
            throw new SourceException($"postgres: the value of {variable} is not a PostgreSQL connection string "
                + $"(Host=...;Database=...;Username=...;Password=... or postgresql://user:password@host:port/database): {RedactAll(e.Message, value)}");
        }
    }

    /// <summary>Opens a connection.</summary>
    /// <exception cref="SourceException">The replica cannot be reached or refuses the sign-in.</exception>
    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(_builder.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            connection.Dispose();
            throw new SourceException($"postgres: cannot connect to {Description}: {Redact(e.Message)}. Check the connection string in {Variable}.");
        }
    }

    /// <summary><paramref name="text"/> with the password, wherever it appears, replaced by <c>***</c>.</summary>
    public string Redact(string text) => _password is null ? text : text.Replace(_password, "***", StringComparison.Ordinal);

    private static string RedactAll(string text, string connectionString)
    {
        // The string could not be parsed, so its password is unknown: hide every value that follows a '=' or a ':'.
        foreach (var part in connectionString.Split([';', ':', '@', '/', '?', '&'], StringSplitOptions.RemoveEmptyEntries))
        {
            var value = part.Contains('=', StringComparison.Ordinal) ? part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..] : part;
            if (value.Length >= 3)
            {
                text = text.Replace(value, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static NpgsqlConnectionStringBuilder Parse(string value)
    {
        if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new NpgsqlConnectionStringBuilder(value);
        }

        var uri = new Uri(value);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.UserInfo.Length > 0)
        {
            var user = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(user[0]);
            builder.Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, setting) = (Uri.UnescapeDataString(pair.Split('=', 2)[0]), Uri.UnescapeDataString(pair.Split('=', 2).ElementAtOrDefault(1) ?? string.Empty));
            switch (key)
            {
                case "sslmode":
                    builder.SslMode = Enum.Parse<SslMode>(setting.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);
                    break;
                case "connect_timeout":
                    builder.Timeout = int.Parse(setting, CultureInfo.InvariantCulture);
                    break;
                case "application_name":
                    builder.ApplicationName = setting;
                    break;
                default:
                    throw new ArgumentException($"the URI parameter '{key}' is not supported (sslmode, connect_timeout, application_name are); use the Host=...;Key=Value form for others");
            }
        }

        return builder;
    }
}
