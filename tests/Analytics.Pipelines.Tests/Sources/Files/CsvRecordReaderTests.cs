using Analytics.Pipelines.Sources.Files;
using Analytics.TestSupport.Files;

namespace Analytics.Pipelines.Tests.Sources.Files;

public sealed class CsvRecordReaderTests
{
    [Fact]
    public void Quoted_fields_with_commas_quotes_and_line_breaks_read_whole_and_keep_line_numbers()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("a.csv");
        File.WriteAllText(file, "\uFEFFid,name,note\r\n1,\"Acme, Inc.\",\"said \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n3,plain,\"\"\n");

        using var reader = new CsvRecordReader(file, ',', 4000);
        var records = reader.Records().ToList();

        Assert.Equal(["id", "name", "note"], reader.Header);
        Assert.Equal(3, records.Count);
        Assert.Equal(new string?[] { "1", "Acme, Inc.", "said \"hi\"" }, records[0].Fields!.AsEnumerable());
        Assert.Equal(2, records[0].Line);
        Assert.Equal(new string?[] { "2", "two\nlines", null }, records[1].Fields!.AsEnumerable());
        Assert.Equal(3, records[1].Line);
        Assert.Equal(5, records[2].Line);
        Assert.Equal(new string?[] { "3", "plain", string.Empty }, records[2].Fields!.AsEnumerable());
    }

    [Fact]
    public void Invalid_utf8_fails_only_its_own_record_and_names_the_column()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("b.csv");
        File.WriteAllBytes(file, [.. "id,name\n1,ok\n2,"u8, 0xC3, 0x28, .. "\n3,fine\n"u8]);

        using var reader = new CsvRecordReader(file, ',', 4000);
        var records = reader.Records().ToList();

        Assert.Equal(3, records.Count);
        Assert.Null(records[1].Fields);
        Assert.Contains("invalid UTF-8", records[1].Error);
        Assert.Equal("name", records[1].ErrorColumn);
        Assert.Equal(new string?[] { "3", "fine" }, records[2].Fields!.AsEnumerable());
    }

    [Fact]
    public void A_quote_never_closed_before_the_end_of_the_file_refuses_the_file_naming_the_line_it_opened_on()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("c.csv");
        File.WriteAllText(file, "id,name\n1,\"never closed\n2,x\n");

        using var reader = new CsvRecordReader(file, ',', 4000);
        var error = Assert.Throws<InvalidDataException>(() => reader.Records().ToList());

        Assert.StartsWith("c.csv:2: the quoted field (column 'name') opened on line 2 is never closed before the end of the file", error.Message);
        Assert.Contains("the file is refused", error.Message);
    }

    [Fact]
    public void A_runaway_quote_that_swallows_the_following_rows_refuses_the_file_once_past_the_text_limit()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("opportunities.csv");
        var rows = new System.Text.StringBuilder("id,name,note\n");
        for (var i = 1; i <= 200; i++)
        {
            rows.Append(i == 100 ? $"{i},\"stray quote,ok\n" : $"{i},deal {i},ok\n");
        }

        rows.Append("201,\"a late \"\"closing\"\" quote\",ok\n"); // the quote would close here, far too late
        File.WriteAllText(file, rows.ToString());

        using var reader = new CsvRecordReader(file, ',', 500);
        var error = Assert.Throws<InvalidDataException>(() => reader.Records().ToList());

        Assert.StartsWith("opportunities.csv:101: the quoted field (column 'name') opened on line 101 runs on across line breaks", error.Message);
        Assert.Contains("past 500 characters (extract.max_text_length) without closing", error.Message);
    }

    [Fact]
    public void A_multi_line_quoted_field_within_the_text_limit_still_reads_as_one_field()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("d.csv");
        var note = string.Join("\r\n", Enumerable.Repeat("a line of notes, with a comma", 10));
        File.WriteAllText(file, $"id,note\r\n1,\"{note}\"\r\n2,after\r\n");

        using var reader = new CsvRecordReader(file, ',', note.Length);
        var records = reader.Records().ToList();

        Assert.Equal([note, "after"], records.Select(r => r.Fields![1]));
        Assert.Equal([2L, 12L], records.Select(r => r.Line));
    }

    [Fact]
    public void An_empty_file_is_refused_because_it_has_no_header()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("empty.csv");
        File.WriteAllText(file, string.Empty);

        var error = Assert.Throws<InvalidDataException>(() => new CsvRecordReader(file, ',', 4000));
        Assert.Contains("empty.csv: the file is empty", error.Message);
    }
}
