using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Reports.Tests.Delivery;

/// <summary>
/// A small, independent MIME reader for the tests (RFC 2045-2047 as far as our messages need): headers with folding
/// and encoded words, multipart bodies split on their boundary, base64 and quoted-printable decoded.
/// </summary>
public sealed partial class MimePart
{
    private readonly Dictionary<string, string> _headers;

    private MimePart(Dictionary<string, string> headers, byte[] body, IReadOnlyList<MimePart> parts)
    {
        _headers = headers;
        Body = body;
        Parts = parts;
        var (mediaType, parameters) = HeaderWithParameters(Header("Content-Type") ?? "text/plain; charset=us-ascii");
        MediaType = mediaType.ToLowerInvariant();
        ContentTypeParameters = parameters;
    }

    public string MediaType { get; }

    public IReadOnlyDictionary<string, string> ContentTypeParameters { get; }

    /// <summary>The decoded body (empty for a multipart).</summary>
    public byte[] Body { get; }

    public IReadOnlyList<MimePart> Parts { get; }

    /// <summary>The body as text in its declared charset.</summary>
    public string Text => ContentTypeParameters.TryGetValue("charset", out var charset) && charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        ? Encoding.UTF8.GetString(Body)
        : Encoding.Latin1.GetString(Body);

    /// <summary>The attachment's file name (Content-Disposition filename, else Content-Type name), decoded.</summary>
    public string? FileName
    {
        get
        {
            var disposition = Header("Content-Disposition");
            if (disposition is not null && HeaderWithParameters(disposition).Parameters.TryGetValue("filename", out var name))
            {
                return DecodeWords(name);
            }

            return ContentTypeParameters.TryGetValue("name", out var typeName) ? DecodeWords(typeName) : null;
        }
    }

    /// <summary>A header's raw (unfolded, undecoded) value, or null.</summary>
    public string? Header(string name) => _headers.GetValueOrDefault(name);

    /// <summary>A header's value with RFC 2047 encoded words decoded.</summary>
    public string? DecodedHeader(string name) => Header(name) is { } value ? DecodeWords(value) : null;

    /// <summary>This part and every part inside it, depth first.</summary>
    public IEnumerable<MimePart> Descendants()
    {
        yield return this;
        foreach (var part in Parts.SelectMany(p => p.Descendants()))
        {
            yield return part;
        }
    }

    public static MimePart Parse(string raw)
    {
        var normalized = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? normalized : normalized[..split];
        var body = split < 0 ? string.Empty : normalized[(split + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && last is not null)
            {
                headers[last] += " " + line.Trim();
            }
            else if (line.IndexOf(':') is var colon and > 0)
            {
                last = line[..colon].Trim();
                headers.TryAdd(last, line[(colon + 1)..].Trim());
            }
        }

        var part = new MimePart(headers, [], []);
        if (part.MediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var boundary = "--" + part.ContentTypeParameters["boundary"];
            var children = new List<MimePart>();
            StringBuilder? current = null;
            foreach (var line in body.Split('\n'))
            {
                if (line == boundary || line == boundary + "--")
                {
                    if (current is not null)
                    {
                        children.Add(Parse(current.ToString().TrimEnd('\n')));
                    }

                    current = line == boundary ? new StringBuilder() : null;
                }
                else
                {
                    current?.Append(line).Append('\n');
                }
            }

            return new MimePart(headers, [], children);
        }

        var encoding = (part.Header("Content-Transfer-Encoding") ?? "7bit").ToLowerInvariant();
        var bytes = encoding switch
        {
            "base64" => Convert.FromBase64String(string.Concat(body.Split('\n').Select(l => l.Trim()))),
            "quoted-printable" => DecodeQuotedPrintable(body),
            _ => Encoding.Latin1.GetBytes(body.TrimEnd('\n')),
        };
        return new MimePart(headers, bytes, []);
    }

    private static (string Value, IReadOnlyDictionary<string, string> Parameters) HeaderWithParameters(string header)
    {
        var pieces = header.Split(';');
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var piece in pieces.Skip(1))
        {
            var equals = piece.IndexOf('=');
            if (equals > 0)
            {
                parameters[piece[..equals].Trim()] = piece[(equals + 1)..].Trim().Trim('"');
            }
        }

        return (pieces[0].Trim(), parameters);
    }

    private static byte[] DecodeQuotedPrintable(string body)
    {
        var text = body.TrimEnd('\n').Replace("=\n", string.Empty, StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }

        return [.. bytes];
    }

    private static string DecodeWords(string value)
    {
        // Adjacent encoded words form one byte sequence (a UTF-8 character may straddle two); the whitespace between
        // them is not text (RFC 2047 §6.2).
        var result = new StringBuilder();
        var pending = new List<byte>();
        Encoding? charset = null;
        var position = 0;
        foreach (Match word in EncodedWord().Matches(value))
        {
            var between = value[position..word.Index];
            if (pending.Count > 0 && between.Trim().Length > 0)
            {
                result.Append(charset!.GetString([.. pending]));
                pending.Clear();
            }

            if (pending.Count == 0)
            {
                result.Append(between);
            }

            charset = Encoding.GetEncoding(word.Groups["charset"].Value);
            var payload = word.Groups["text"].Value;
            pending.AddRange(word.Groups["encoding"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(payload)
                : DecodeQuotedPrintable(payload.Replace('_', ' ')));
            position = word.Index + word.Length;
        }

        if (pending.Count > 0)
        {
            result.Append(charset!.GetString([.. pending]));
        }

        return result.Append(value[position..]).ToString();
    }

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<encoding>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();
}
