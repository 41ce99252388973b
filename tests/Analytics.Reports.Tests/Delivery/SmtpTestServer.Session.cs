using System.Net.Security;
using System.Text;

namespace Analytics.Reports.Tests.Delivery;

public sealed partial class SmtpTestServer
{
    /// <summary>One client connection: a line-by-line SMTP conversation.</summary>
    private sealed class Session(SmtpTestServer server, Stream network)
    {
        private Stream _stream = network;
        private StreamReader _reader = Reader(network);
        private bool _tls;
        private bool _greeted;
        private string? _user;
        private string _refusedCredentials = string.Empty;
        private string? _mailFrom;
        private readonly List<string> _rcptTo = [];

        public async Task RunAsync(bool refuse, CancellationToken ct)
        {
            if (server.Silent)
            {
                while (await _reader.ReadLineAsync(ct) is not null)
                {
                }

                return;
            }

            if (refuse)
            {
                await ReplyAsync("421 4.3.2 Service not available, try again later", ct);
                return;
            }

            await ReplyAsync("220 localhost ESMTP test server", ct);
            while (await _reader.ReadLineAsync(ct) is { } line)
            {
                server.Log(line);
                var space = line.IndexOf(' ');
                var verb = (space < 0 ? line : line[..space]).ToUpperInvariant();
                var argument = space < 0 ? string.Empty : line[(space + 1)..];
                switch (verb)
                {
                    case "EHLO":
                        _greeted = true;
                        var capabilities = new List<string> { "localhost", "AUTH PLAIN LOGIN", "8BITMIME" };
                        if (server.Certificate is not null && !_tls)
                        {
                            capabilities.Add("STARTTLS");
                        }

                        for (var i = 0; i < capabilities.Count; i++)
                        {
                            await ReplyAsync((i < capabilities.Count - 1 ? "250-" : "250 ") + capabilities[i], ct);
                        }

                        break;
                    case "HELO":
                        _greeted = true;
                        await ReplyAsync("250 localhost", ct);
                        break;
                    case "STARTTLS":
                        await StartTlsAsync(ct);
                        break;
                    case "AUTH":
                        await AuthenticateAsync(argument, ct);
                        break;
                    case "MAIL":
                        await MailFromAsync(argument, ct);
                        break;
                    case "RCPT":
                        await RcptToAsync(argument, ct);
                        break;
                    case "DATA":
                        await DataAsync(ct);
                        break;
                    case "RSET":
                        Reset();
                        await ReplyAsync("250 2.0.0 OK", ct);
                        break;
                    case "NOOP":
                        await ReplyAsync("250 2.0.0 OK", ct);
                        break;
                    case "QUIT":
                        await ReplyAsync("221 2.0.0 Bye", ct);
                        return;
                    default:
                        await ReplyAsync("500 5.5.2 Command not recognized", ct);
                        break;
                }
            }
        }

        private async Task StartTlsAsync(CancellationToken ct)
        {
            if (server.Certificate is null || _tls)
            {
                await ReplyAsync("502 5.5.1 STARTTLS not offered", ct);
                return;
            }

            await ReplyAsync("220 2.0.0 Ready to start TLS", ct);
            var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
            await ssl.AuthenticateAsServerAsync(server.Certificate, clientCertificateRequired: false, checkCertificateRevocation: false);
            _stream = ssl;
            _reader = Reader(ssl);
            _tls = true;
            _greeted = false; // RFC 3207: the client must EHLO again
            _user = null;
            Reset();
        }

        private async Task AuthenticateAsync(string argument, CancellationToken ct)
        {
            var parts = argument.Split(' ', 2);
            string username, password, wire;
            switch (parts[0].ToUpperInvariant())
            {
                case "PLAIN":
                    wire = parts.Length > 1 ? parts[1] : await ChallengeAsync(string.Empty, ct);
                    var fields = Decode(wire).Split('\0');
                    (username, password) = fields.Length == 3 ? (fields[1], fields[2]) : (string.Empty, string.Empty);
                    break;
                case "LOGIN":
                    var user64 = parts.Length > 1 ? parts[1] : await ChallengeAsync("VXNlcm5hbWU6", ct);
                    var password64 = await ChallengeAsync("UGFzc3dvcmQ6", ct);
                    (username, password, wire) = (Decode(user64), Decode(password64), user64 + " " + password64);
                    break;
                default:
                    await ReplyAsync("504 5.5.4 Unrecognized authentication type", ct);
                    return;
            }

            if (server.RequiredLogin is { } login && (login.Username != username || login.Password != password))
            {
                _refusedCredentials = server.EchoCredentialsOnAuthFailure ? $" (refused: {username}/{password}, {wire})" : string.Empty;
                await ReplyAsync("535 5.7.8 Authentication credentials invalid" + _refusedCredentials, ct);
                return;
            }

            _user = username;
            await ReplyAsync("235 2.7.0 Authentication successful", ct);
        }

        private async Task<string> ChallengeAsync(string prompt, CancellationToken ct)
        {
            await ReplyAsync("334 " + prompt, ct);
            var answer = await _reader.ReadLineAsync(ct) ?? throw new IOException("The client left during AUTH.");
            server.Log(answer);
            return answer;
        }

        private async Task MailFromAsync(string argument, CancellationToken ct)
        {
            if (!_greeted)
            {
                await ReplyAsync("503 5.5.1 Say EHLO first", ct);
            }
            else if (server.RequiredLogin is not null && _user is null)
            {
                await ReplyAsync("530 5.7.0 Authentication required" + _refusedCredentials, ct);
            }
            else if (server.TakeTransactionRefusal())
            {
                await ReplyAsync("451 4.3.0 Temporary local problem, try again later", ct);
            }
            else
            {
                Reset();
                _mailFrom = Address(argument, "FROM:");
                await ReplyAsync("250 2.1.0 Sender OK", ct);
            }
        }

        private async Task RcptToAsync(string argument, CancellationToken ct)
        {
            var address = Address(argument, "TO:");
            if (_mailFrom is null)
            {
                await ReplyAsync("503 5.5.1 MAIL first", ct);
            }
            else if (server.RejectedRecipients.Contains(address))
            {
                await ReplyAsync($"550 5.1.1 <{address}>: Recipient address rejected: mailbox unavailable", ct);
            }
            else
            {
                _rcptTo.Add(address);
                await ReplyAsync("250 2.1.5 Recipient OK", ct);
            }
        }

        private async Task DataAsync(CancellationToken ct)
        {
            if (_mailFrom is null || _rcptTo.Count == 0)
            {
                await ReplyAsync("554 5.5.1 No valid recipients", ct);
                return;
            }

            await ReplyAsync("354 End data with <CR><LF>.<CR><LF>", ct);
            var data = new StringBuilder();
            while (await _reader.ReadLineAsync(ct) is { } line && line != ".")
            {
                // RFC 5321 §4.5.2: a line the client started with an extra '.' loses it.
                data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
            }

            server.Record(new ReceivedSmtpMessage(_mailFrom, [.. _rcptTo], _user, _tls, data.ToString()));
            Reset();
            await ReplyAsync("250 2.0.0 Queued", ct);
        }

        private void Reset()
        {
            _mailFrom = null;
            _rcptTo.Clear();
        }

        private async Task ReplyAsync(string line, CancellationToken ct)
        {
            var bytes = Encoding.Latin1.GetBytes(line + "\r\n");
            await _stream.WriteAsync(bytes, ct);
            await _stream.FlushAsync(ct);
        }

        private static string Address(string argument, string prefix)
        {
            var text = argument.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? argument[prefix.Length..] : argument;
            var open = text.IndexOf('<');
            var close = text.IndexOf('>');
            return open >= 0 && close > open ? text[(open + 1)..close] : text.Trim();
        }

        private static string Decode(string base64)
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim()));
            }
            catch (FormatException)
            {
                return string.Empty;
            }
        }

        // Latin-1 maps bytes to chars one to one, so DATA is recorded exactly as sent.
        private static StreamReader Reader(Stream stream) => new(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
    }
}
