using System.Text;
using System.Text.Json;
using Analytics.Cli.Shell;

namespace Analytics.Cli.Tests.Shell;

/// <summary>CSV and JSON results read back with the exact values: nulls, dates, timestamps, decimals, lists, awkward text.</summary>
public sealed class ResultFileTests : IDisposable
{
    private const string Deals = "select * from marts.deals order by deal_id";

    private readonly ShellWarehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public void Json_output_is_an_array_of_one_object_per_line_that_parses_back_exactly()
    {
        var file = _warehouse.Directory.Combine("deals.json");

        var (code, output) = _warehouse.Query(Deals, "--mode", "json", "--output", file);

        Assert.True(code == ExitCodes.Success, output);
        Assert.Contains($"3 row(s) written to {file} in ", output);
        var text = File.ReadAllText(file);
        var lines = text.Split('\n');
        Assert.Equal("[", lines[0]);
        Assert.StartsWith("{\"deal_id\":\"D1\",", lines[1]);
        Assert.EndsWith("},", lines[1]);
        Assert.Equal("]", lines[4]);

        using var json = JsonDocument.Parse(text);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        var d1 = rows[0];
        Assert.Equal("Acme, Inc.", d1.GetProperty("partner").GetString());
        Assert.Equal(JsonValueKind.Number, d1.GetProperty("arr").ValueKind);
        Assert.Equal(12000.50m, d1.GetProperty("arr").GetDecimal());
        Assert.Equal("12000.50", d1.GetProperty("arr").GetRawText());
        Assert.Equal("2026-01-31", d1.GetProperty("closed_on").GetString());
        Assert.Equal("2026-01-31T10:15:00", d1.GetProperty("closed_at").GetString());
        Assert.Equal(0.25, d1.GetProperty("score").GetDouble());
        Assert.Equal(["a", "b"], d1.GetProperty("tags").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("[1,null,3]", d1.GetProperty("counts").GetRawText());
        Assert.Equal("said \"hi\"\nthen left", d1.GetProperty("note").GetString());
        Assert.True(d1.GetProperty("won").GetBoolean());

        var d2 = rows[1];
        foreach (var column in new[] { "partner", "arr", "closed_on", "closed_at", "score", "tags", "counts" })
        {
            Assert.Equal(JsonValueKind.Null, d2.GetProperty(column).ValueKind);
        }

        Assert.Equal(string.Empty, d2.GetProperty("note").GetString());
        Assert.False(d2.GetProperty("won").GetBoolean());

        var d3 = rows[2];
        Assert.Equal("0.10", d3.GetProperty("arr").GetRawText());
        Assert.Equal("2026-11-21T00:00:00.123456", d3.GetProperty("closed_at").GetString());
        Assert.Equal(-1.5e10, d3.GetProperty("score").GetDouble());
        Assert.Equal(0, d3.GetProperty("tags").GetArrayLength());
        Assert.Equal("été; ünïcode", d3.GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.Null, d3.GetProperty("won").ValueKind);
        Assert.Equal(9007199254740993L, d3.GetProperty("n").GetInt64());
    }

    [Fact]
    public void Json_of_special_values_stays_valid_json()
    {
        var file = _warehouse.Directory.Combine("special.json");

        _warehouse.Query("""
            select 'nan'::double as nan, 'inf'::double as inf, interval 3 day + interval 90 minute as span,
                   time '10:00:30.5' as t, timestamptz '2026-01-02 03:04:05+00' as tz, 'ab'::blob as b,
                   uuid '11111111-2222-3333-4444-555555555555' as u, 170141183460469231731687303715884105727::hugeint as h,
                   chr(1) || 'tab' || chr(9) as ctl
            """, "--mode", "json", "--output", file);

        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var row = json.RootElement[0];
        Assert.Equal("NaN", row.GetProperty("nan").GetString());
        Assert.Equal("Infinity", row.GetProperty("inf").GetString());
        Assert.Equal("3 days 01:30:00", row.GetProperty("span").GetString());
        Assert.Equal("10:00:30.5", row.GetProperty("t").GetString());
        Assert.Equal("2026-01-02T03:04:05Z", row.GetProperty("tz").GetString());
        Assert.Equal(Convert.ToBase64String("ab"u8.ToArray()), row.GetProperty("b").GetString());
        Assert.Equal("11111111-2222-3333-4444-555555555555", row.GetProperty("u").GetString());
        Assert.Equal("170141183460469231731687303715884105727", row.GetProperty("h").GetRawText());
        Assert.Equal("\u0001tab\t", row.GetProperty("ctl").GetString());
    }

    [Fact]
    public void Structs_and_maps_print_as_braces_in_table_mode()
    {
        var (code, output) = _warehouse.Query("select {'partner': 'P1', 'deals': 3} as s, map(['a'], [1]) as m");

        Assert.True(code == ExitCodes.Success, output);
        Assert.Contains("{partner: P1, deals: 3}", output);
        Assert.Contains("{a: 1}", output);
    }

    [Fact]
    public void Structs_and_maps_are_json_objects_and_lists_keep_their_null_elements()
    {
        var file = _warehouse.Directory.Combine("nested.json");

        var (code, output) = _warehouse.Query(
            "select {'partner': 'P1', 'arr': 1200.50::decimal(18,2)} as s, map(['a', 'b'], [1, 2]) as m, [1.5, null]::double[] as l",
            "--mode", "json", "--output", file);

        Assert.True(code == ExitCodes.Success, output);
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var row = json.RootElement[0];
        Assert.Equal("{\"partner\":\"P1\",\"arr\":1200.50}", row.GetProperty("s").GetRawText());
        Assert.Equal("{\"a\":1,\"b\":2}", row.GetProperty("m").GetRawText());
        Assert.Equal("[1.5,null]", row.GetProperty("l").GetRawText());
    }

    [Fact]
    public void Csv_output_is_rfc_4180_and_reads_back_exactly()
    {
        var file = _warehouse.Directory.Combine("deals.csv");

        var (code, _) = _warehouse.Query(Deals, "--mode", "csv", "--output", file);

        Assert.Equal(ExitCodes.Success, code);
        var rows = Rfc4180.Parse(File.ReadAllText(file, Encoding.UTF8));
        Assert.Equal<string?[]>(["deal_id", "partner", "arr", "closed_on", "closed_at", "score", "tags", "counts", "note", "won", "n"], rows[0]);
        Assert.Equal<string?[]>(["D1", "Acme, Inc.", "12000.50", "2026-01-31", "2026-01-31 10:15:00", "0.25", "[\"a\",\"b\"]", "[1,null,3]", "said \"hi\"\nthen left", "true", "1"], rows[1]);
        Assert.Equal<string?[]>(["D2", null, null, null, null, null, null, null, string.Empty, "false", "2"], rows[2]);
        Assert.Equal<string?[]>(["D3", "Zeta", "0.10", "2026-11-21", "2026-11-21 00:00:00.123456", "-15000000000", "[]", "[]", "été; ünïcode", null, "9007199254740993"], rows[3]);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void Csv_to_stdout_is_clean_data_and_the_summary_goes_to_stderr()
    {
        var error = new StringWriter();

        var (code, output) = CliRun.Run(
            _ => ShellHost.Empty(error, _warehouse.Directory.Combine("history")),
            "sql", "select deal_id, arr from marts.deals order by deal_id", "--mode", "csv", "--config", _warehouse.Config);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("deal_id,arr\r\nD1,12000.50\r\nD2,\r\nD3,0.10\r\n", output);
        Assert.Contains("3 row(s) in ", error.ToString());
    }

    [Fact]
    public void Table_mode_prints_at_most_max_rows_but_counts_every_row()
    {
        var (code, output) = _warehouse.Query("select i from marts.numbers order by i", "--max-rows", "2");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"│\s+1 │\n└", output);
        Assert.Contains("250 row(s) in ", output);
        Assert.Contains(", first 2 shown (--max-rows)", output);
    }

    [Fact]
    public void Table_mode_keeps_one_line_per_row_and_cuts_wide_cells_at_40_characters()
    {
        var (_, output) = _warehouse.Query("select repeat('x', 60) as wide, 'after' as next");

        Assert.Contains("│ " + new string('x', 39) + "… │ after │", output);
    }

    [Fact]
    public void An_output_file_in_a_missing_folder_fails_the_one_shot_query_with_a_clear_message()
    {
        var file = _warehouse.Directory.Combine("nope", "x.csv");

        var (code, output) = _warehouse.Query("select 1", "--mode", "csv", "--output", file);

        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains($"cannot write {file}: the folder", output);
    }

    [Fact]
    public void An_empty_query_is_bad_usage()
    {
        var (code, output) = _warehouse.Query("  -- nothing  ");

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("error: the query is empty", output);
    }
}
