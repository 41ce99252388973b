using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Analytics.Orchestration.Tests.Postgres;

/// <summary>
/// A throw-away PostgreSQL 15 server for one test collection: initdb into a temp folder, trust auth, fsync off, a
/// free port on 127.0.0.1 and the unix socket inside the folder; <see cref="CreateDatabaseAsync"/> gives each test a
/// fresh database. Stopped (immediate) and deleted on dispose. Missing binaries fail the tests, never skip them.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Collection = "PostgreSQL server";
    private const string BinVariable = "ANALYTICS_PG_BIN";
    private const string DefaultBin = "/usr/lib/postgresql/15/bin";
    private const string Superuser = "postgres";
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
        Port = FreePort();
        var options = $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off "
            + "-c synchronous_commit=off";
        await RunPostgresToolAsync("pg_ctl", "-D", data, "-l", Path.Combine(_root, "server.log"), "-o", options, "-w", "start");
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

[CollectionDefinition(PostgresServer.Collection)]
public sealed class PostgresServerCollection : ICollectionFixture<PostgresServer>;
