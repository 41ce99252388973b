using Analytics.Pipelines.Sources.Files;

namespace Analytics.Pipelines.Tests.Sources.Files;

public sealed class CsvRecordReaderTests
{
    [Fact]
    public void Quoted_fields_with_commas_quotes_and_line_breaks_read_whole_and_keep_line_numbers()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("a.csv");
        File.WriteAllText(file, "\uFEFFid,name,note\r\n1,\"Acme, Inc.\",\"said \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n3,plain,\"\"\n");

        using var reader = new CsvRecordReader(file, ',');
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

        using var reader = new CsvRecordReader(file, ',');
        var records = reader.Records().ToList();

        Assert.Equal(3, records.Count);
        Assert.Null(records[1].Fields);
        Assert.Contains("invalid UTF-8", records[1].Error);
        Assert.Equal("name", records[1].ErrorColumn);
        Assert.Equal(new string?[] { "3", "fine" }, records[2].Fields!.AsEnumerable());
    }

    [Fact]
    public void An_unclosed_quote_is_reported_with_the_line_it_opened_on()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("c.csv");
        File.WriteAllText(file, "id,name\n1,\"never closed\n2,x\n");

        using var reader = new CsvRecordReader(file, ',');
        var record = Assert.Single(reader.Records());

        Assert.Contains("opened on line 2 is never closed", record.Error);
    }

    [Fact]
    public void An_empty_file_is_refused_because_it_has_no_header()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("empty.csv");
        File.WriteAllText(file, string.Empty);

        var error = Assert.Throws<InvalidDataException>(() => new CsvRecordReader(file, ','));
        Assert.Contains("empty.csv: the file is empty", error.Message);
    }
}
