using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Analytics.TestSupport.Postgres;

/// <summary>
/// A throw-away PostgreSQL 15 server for one test collection (or a benchmark): initdb into a temp folder, trust auth
/// (except for roles made by <see cref="CreatePasswordRoleAsync"/>, which must give their password), fsync off, a free
/// port on 127.0.0.1 and the unix socket inside the folder; <see cref="CreateDatabaseAsync"/> gives each test a fresh
/// database. Stopped (immediate) and deleted by <see cref="DisposeAsync"/>. Missing binaries fail the tests, never skip
/// them. A test project makes it its collection fixture by deriving one line from it:
/// <c>public sealed class PostgresServerFixture : PostgresServer, IAsyncLifetime;</c> (xunit's interface is matched by
/// <see cref="InitializeAsync"/> and <see cref="DisposeAsync"/>; this project does not reference xunit).
/// </summary>
public class PostgresServer
{
    public const string Collection = "PostgreSQL server";
    private const string BinVariable = "ANALYTICS_PG_BIN";
    private const string DefaultBin = "/usr/lib/postgresql/15/bin";
    private const string Superuser = "postgres";
    private const string PasswordGroup = "password_login";
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromSeconds(90);

    private readonly bool _asRoot = Environment.IsPrivilegedProcess;
    private string? _root;
    private string _bin = DefaultBin;
    private int _databases;

    /// <summary>Where the server's data, socket and log live.</summary>
    public string Root => _root ?? throw new InvalidOperationException("The server has not been started.");

    public int Port { get; private set; }

    /// <summary>Connection string of the <c>postgres</c> database as the superuser.</summary>
    public string AdminConnectionString => Connect("postgres");

    /// <summary>Creates the cluster and starts the server.</summary>
    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        _root = Directory.CreateTempSubdirectory("analytics-pg-").FullName;
        if (_asRoot)
        {
            // initdb and postgres refuse to run as root: the folder goes to user postgres, and so do the commands.
            await RunAsync("chown", Superuser, _root);
        }

        var data = Path.Combine(_root, "data");
        await RunPostgresToolAsync("initdb", "-D", data, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--no-sync");
        // Members of password_login must sign in with their password over TCP (scram-sha-256); everyone else is trusted.
        await File.WriteAllTextAsync(Path.Combine(data, "pg_hba.conf"),
            $"local all all trust\nhost all +{PasswordGroup} 127.0.0.1/32 scram-sha-256\nhost all all 127.0.0.1/32 trust\n");
        Port = FreePort();
        var options = $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off "
            + "-c synchronous_commit=off";
        await RunPostgresToolAsync("pg_ctl", "-D", data, "-l", Path.Combine(_root, "server.log"), "-o", options, "-w", "start");
        await ExecuteAsync(AdminConnectionString, $"create role {PasswordGroup} nologin");
    }

    /// <summary>
    /// Creates a login role that must give <paramref name="password"/> (scram-sha-256), may read every table of
    /// <paramref name="connectionString"/>'s database, and returns that database's connection string as the role.
    /// </summary>
    public static async Task<string> CreatePasswordRoleAsync(string connectionString, string role, string password)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        await ExecuteAsync(connectionString,
            $"create role \"{role}\" login password '{password.Replace("'", "''", StringComparison.Ordinal)}' in role {PasswordGroup}; "
            + $"grant usage on schema {string.Join(", ", await SchemasAsync(connectionString))} to \"{role}\"; "
            + string.Join(" ", (await SchemasAsync(connectionString)).Select(s => $"grant select on all tables in schema {s} to \"{role}\";")));
        builder.Username = role;
        builder.Password = password;
        return builder.ConnectionString;
    }

    private static async Task<List<string>> SchemasAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select quote_ident(nspname) from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema' order by 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var schemas = new List<string>();
        while (await reader.ReadAsync())
        {
            schemas.Add(reader.GetString(0));
        }

        return schemas;
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..24];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return Connect(name);
    }

    /// <summary>Runs SQL as the superuser in the given database (a connection string from <see cref="CreateDatabaseAsync"/>).</summary>
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stops the server (immediate) and deletes its folder.</summary>
    public async Task DisposeAsync()
    {
        if (_root is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunPostgresToolAsync("pg_ctl", "-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string Connect(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        // Keeps a test that cannot reach the server from hanging the run.
        Timeout = 15,
    }.ConnectionString;

    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable(BinVariable);
        var bin = string.IsNullOrWhiteSpace(configured) ? DefaultBin : configured;
        if (File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
        {
            return bin;
        }

        throw new InvalidOperationException(
            $"PostgreSQL server binaries (initdb, pg_ctl) were not found in {bin}. These tests run a real PostgreSQL 15: "
            + "install it with 'apt-get install -y postgresql-15' (Debian/Ubuntu), or set "
            + $"{BinVariable} to the folder that holds initdb and pg_ctl.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunPostgresToolAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        return _asRoot ? RunAsync("runuser", ["-u", Superuser, "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private async Task RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The tools inherit the temp folder as their working directory so user postgres can read it.
            WorkingDirectory = _root ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_commandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} did not finish in {s_commandTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            var log = _root is not null && File.Exists(Path.Combine(_root, "server.log"))
                ? File.ReadAllText(Path.Combine(_root, "server.log"))
                : "";
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}\n{log}");
        }
    }
}
