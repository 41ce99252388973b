using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Analytics.Reports.Tests.Delivery;

/// <summary>
/// A real SMTP server on a loopback port (RFC 5321 subset): greeting, EHLO/HELO with capabilities, STARTTLS (when
/// given a certificate), AUTH PLAIN and LOGIN, MAIL FROM, RCPT TO, DATA with dot-unstuffing, RSET, NOOP, QUIT.
/// Records every accepted message and every command; can stay silent (no greeting), refuse the first connections (421) or transactions (451),
/// reject recipients (550), and require a user name and password.
/// </summary>
public sealed partial class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _sessions = [];
    private readonly List<ReceivedSmtpMessage> _messages = [];
    private readonly List<string> _commands = [];
    private readonly Task _acceptLoop;
    private int _connections;
    private int _transactions;
    private int _disposed;

    public SmtpTestServer()
    {
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The first this-many connections are greeted with 421 and closed.</summary>
    public int RefuseConnections { get; set; }

    /// <summary>When set, a connection is accepted but never greeted: the client waits until it gives up.</summary>
    public bool Silent { get; set; }

    /// <summary>The first this-many MAIL FROM commands are answered 451.</summary>
    public int RefuseTransactions { get; set; }

    /// <summary>RCPT TO of these addresses is answered 550.</summary>
    public HashSet<string> RejectedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When set, MAIL FROM needs a successful AUTH with this user name and password.</summary>
    public (string Username, string Password)? RequiredLogin { get; set; }

    /// <summary>
    /// A careless server: a failed AUTH's 535 reply (and the 530 refusing an unauthenticated MAIL FROM, should a client
    /// carry on after it) repeat the credentials it received.
    /// </summary>
    public bool EchoCredentialsOnAuthFailure { get; set; }

    /// <summary>When set, STARTTLS is offered and the handshake uses this certificate.</summary>
    public X509Certificate2? Certificate { get; set; }

    public int ConnectionCount => Volatile.Read(ref _connections);

    public IReadOnlyList<ReceivedSmtpMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Every command line received, in order (AUTH payloads included, as the wire carried them).</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        Task[] sessions;
        lock (_sessions)
        {
            sessions = [.. _sessions];
        }

        await Task.WhenAll(sessions);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_sessions)
            {
                _sessions.Add(Task.Run(() => ServeAsync(client)));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var refuse = Interlocked.Increment(ref _connections) <= RefuseConnections;
                await new Session(this, client.GetStream()).RunAsync(refuse, _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // The client went away or the server is stopping.
            }
        }
    }

    private bool TakeTransactionRefusal() => Interlocked.Increment(ref _transactions) <= RefuseTransactions;

    private void Record(ReceivedSmtpMessage message)
    {
        lock (_messages)
        {
            _messages.Add(message);
        }
    }

    private void Log(string command)
    {
        lock (_commands)
        {
            _commands.Add(command);
        }
    }
}
