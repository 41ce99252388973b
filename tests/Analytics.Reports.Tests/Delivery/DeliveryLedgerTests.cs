using System.Text;
using Analytics.Reports.Delivery;
using Analytics.TestSupport.Files;

namespace Analytics.Reports.Tests.Delivery;

public sealed class DeliveryLedgerTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly List<string> _warnings = [];

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_missing_file_is_an_empty_ledger()
    {
        var ledger = Ledger();

        Assert.Empty(ledger.Read());
        Assert.False(ledger.WasSent("weekly/2026-W47/ana@example.com"));
        Assert.False(File.Exists(ledger.Path));
    }

    [Fact]
    public void Records_are_written_as_snake_case_json_lines_and_read_back_equal()
    {
        var ledger = Ledger();
        var sent = Record("a", DeliveryStatus.Sent) with { File = "/outbox/2026-W47/a.eml" };
        var failed = Record("b", DeliveryStatus.Failed) with { Error = "550 mailbox unavailable", Attempts = 1 };

        ledger.Append(sent);
        ledger.Append(failed);

        var lines = File.ReadAllLines(ledger.Path);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"delivery_key\":\"a\",\"kind\":\"weekly_scorecard\",\"recipients\":[\"a@example.com\"],\"subject\":\"Übersicht – a\",\"status\":\"sent\",\"attempts\":2,", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"content_sha256\":", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"at\":\"2026-11-23T07:00:00+00:00\"", lines[0], StringComparison.Ordinal);
        var read = ledger.Read();
        Assert.Equal([sent.DeliveryKey, failed.DeliveryKey], read.Select(r => r.DeliveryKey));
        Assert.Equal((sent.Status, sent.At, sent.File, sent.Attempts), (read[0].Status, read[0].At, read[0].File, read[0].Attempts));
        Assert.Equal((failed.Status, failed.Error), (read[1].Status, read[1].Error));
        Assert.Equal(sent.Recipients, read[0].Recipients);
        Assert.True(ledger.WasSent("a"));
        Assert.False(ledger.WasSent("b"));
    }

    [Fact]
    public void A_torn_last_line_is_skipped_with_a_warning_and_cut_off_before_the_next_append()
    {
        var ledger = Ledger();
        ledger.Append(Record("a", DeliveryStatus.Sent));
        ledger.Append(Record("b", DeliveryStatus.Sent));
        var third = File.ReadAllBytes(ledger.Path).Length;
        ledger.Append(Record("c", DeliveryStatus.Sent));
        // A crash in the middle of the third append: only part of its line reached the disk.
        using (var stream = new FileStream(ledger.Path, FileMode.Open))
        {
            stream.SetLength(third + 40);
        }

        Assert.Equal(["a", "b"], ledger.Read().Select(r => r.DeliveryKey));
        Assert.Contains("line 3", Assert.Single(_warnings), StringComparison.Ordinal);
        Assert.False(ledger.WasSent("c"));

        ledger.Append(Record("d", DeliveryStatus.Sent));

        Assert.Equal(["a", "b", "d"], ledger.Read().Select(r => r.DeliveryKey));
        Assert.Equal(3, File.ReadAllLines(ledger.Path).Length);
        Assert.Contains(_warnings, w => w.Contains("removed an incomplete last line", StringComparison.Ordinal));
    }

    [Fact]
    public void A_complete_last_record_without_its_newline_is_kept()
    {
        var ledger = Ledger();
        ledger.Append(Record("a", DeliveryStatus.Sent));
        File.WriteAllText(ledger.Path, File.ReadAllText(ledger.Path).TrimEnd('\n'));

        ledger.Append(Record("b", DeliveryStatus.Sent));

        Assert.Equal(["a", "b"], ledger.Read().Select(r => r.DeliveryKey));
        Assert.Empty(_warnings);
    }

    [Fact]
    public void A_corrupt_line_in_the_middle_is_an_error_naming_the_file_and_line()
    {
        var ledger = Ledger();
        ledger.Append(Record("a", DeliveryStatus.Sent));
        File.AppendAllText(ledger.Path, "{\"delivery_key\": \"b\", oops\n", Encoding.UTF8);
        ledger.Append(Record("c", DeliveryStatus.Sent));

        var error = Assert.Throws<InvalidDataException>(() => ledger.Read());

        Assert.Contains($"{ledger.Path}, line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_missing_a_required_field_is_not_a_record()
    {
        var ledger = Ledger();
        Directory.CreateDirectory(Path.GetDirectoryName(ledger.Path)!);
        File.WriteAllText(ledger.Path, "{\"delivery_key\":\"a\",\"status\":\"sent\"}\n");

        Assert.Throws<InvalidDataException>(() => ledger.Read());
    }

    private DeliveryLedger Ledger() => new(_temp.Combine("outbox", DeliveryLedger.FileName), _warnings.Add);

    private static DeliveryRecord Record(string key, DeliveryStatus status) => new(
        key, "weekly_scorecard", [$"{key}@example.com"], $"Übersicht – {key}", status, 2, "outbox /tmp/outbox", At,
        new string('0', 64), null, null);
}
