using System.Text;
using MimeKit;

namespace Analytics.TestSupport.Mail;

/// <summary>Reads messages back with MimeKit: an .eml file, or the DATA the test SMTP server received.</summary>
public static class MimeMessages
{
    public static MimeMessage Load(string file)
    {
        using var stream = File.OpenRead(file);
        return MimeMessage.Load(stream);
    }

    /// <summary>Parses DATA recorded as Latin-1 text (one char per byte, as the wire carried it).</summary>
    public static MimeMessage Parse(string data)
    {
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes(data));
        return MimeMessage.Load(stream);
    }

    /// <summary>Every entity of the message's body, the body itself and every multipart included, depth first.</summary>
    public static IEnumerable<MimeEntity> Descendants(this MimeMessage message)
    {
        using var iterator = new MimeIterator(message);
        while (iterator.MoveNext())
        {
            yield return iterator.Current;
        }
    }

    public static string MediaType(this MimeEntity entity) => entity.ContentType.MimeType.ToLowerInvariant();

    /// <summary>A text part's content exactly as sent, line ends included (UTF-8, the charset we send).</summary>
    public static string DecodedText(this TextPart part) => Encoding.UTF8.GetString(part.DecodedBytes());

    /// <summary>A part's content with its transfer encoding undone.</summary>
    public static byte[] DecodedBytes(this MimePart part)
    {
        using var bytes = new MemoryStream();
        part.Content?.DecodeTo(bytes);
        return bytes.ToArray();
    }
}
