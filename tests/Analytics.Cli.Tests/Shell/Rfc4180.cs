using System.Text;

namespace Analytics.Cli.Tests.Shell;

/// <summary>A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes; an unquoted empty field reads as null.</summary>
internal static class Rfc4180
{
    public static List<string?[]> Parse(string text)
    {
        var rows = new List<string?[]>();
        var row = new List<string?>();
        var i = 0;
        while (i < text.Length)
        {
            string? field;
            if (text[i] == '"')
            {
                var value = new StringBuilder();
                i++;
                while (true)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        value.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        value.Append(text[i++]);
                    }
                }

                field = value.ToString();
            }
            else
            {
                var end = i;
                while (end < text.Length && text[end] != ',' && text[end] != '\r')
                {
                    Assert.NotEqual('"', text[end]);
                    Assert.NotEqual('\n', text[end]);
                    end++;
                }

                field = end == i ? null : text[i..end];
                i = end;
            }

            row.Add(field);
            if (text[i] == ',')
            {
                i++;
            }
            else
            {
                Assert.Equal("\r\n", text.Substring(i, 2));
                i += 2;
                rows.Add([.. row]);
                row.Clear();
            }
        }

        return rows;
    }
}
