using Analytics.Models.Learning;

namespace Analytics.Models.Tests.Learning;

public sealed class ClassifierMetricsTests
{
    // Six rows, ties at 0.8 and 0.5 each with one positive and one negative.
    // Ascending: 0.2(−) rank 1; 0.5(+), 0.5(−) ranks 2, 3 → 2.5 each; 0.8(+), 0.8(−) ranks 4, 5 → 4.5; 0.9(+) rank 6.
    // Positive rank sum 6 + 4.5 + 2.5 = 13; U = 13 − 3·4/2 = 7; AUC = 7 / (3·3) = 7/9.
    // Check by pairs: 0.9 beats all 3 negatives (3); 0.8 ties 0.8, beats 0.5 and 0.2 (2.5); 0.5 ties 0.5, beats 0.2 (1.5): 7/9.
    private static readonly double[] TiedScores = [0.8, 0.2, 0.9, 0.5, 0.8, 0.5];
    private static readonly bool[] TiedLabels = [true, false, true, false, false, true];

    [Fact]
    public void Auc_counts_ties_as_one_half_through_mid_ranks()
    {
        Assert.Equal(7.0 / 9.0, ClassifierMetrics.Auc(TiedScores, TiedLabels), 1e-12);
    }

    [Theory]
    [InlineData(new[] { 0.1, 0.2, 0.3, 0.4 }, new[] { false, false, true, true }, 1.0)]
    [InlineData(new[] { 0.4, 0.3, 0.2, 0.1 }, new[] { false, false, true, true }, 0.0)]
    [InlineData(new[] { 0.5, 0.5, 0.5, 0.5 }, new[] { false, true, false, true }, 0.5)]
    public void Auc_is_one_for_perfect_ranking_zero_for_reversed_and_one_half_for_constant(double[] scores, bool[] labels, double expected)
    {
        Assert.Equal(expected, ClassifierMetrics.Auc(scores, labels), 1e-12);
    }

    [Fact]
    public void Auc_refuses_labels_of_one_outcome_and_mismatched_lengths()
    {
        var single = Assert.Throws<ArgumentException>(() => ClassifierMetrics.Auc([0.1, 0.2], [true, true]));
        Assert.Contains("both outcomes", single.Message);
        Assert.Throws<ArgumentException>(() => ClassifierMetrics.Auc([0.1, 0.2, 0.3], [true, false]));
    }

    [Fact]
    public void Auc_confidence_interval_follows_hanley_and_mcneil_and_is_clipped_to_one()
    {
        // A = 7/9, P = N = 3: Q1 = A/(2−A) = 7/11, Q2 = 2A²/(1+A) = 49/72, A² = 49/81.
        // SE² = [14/81 + 2·(7/11 − 49/81) + 2·(49/72 − 49/81)] / 9 = [14/81 + 56/891 + 98/648] / 9 = 0.0429916448...
        // 1.96·SE = 0.406394...; interval 0.371383... to 1.184... → clipped to 1.
        var interval = ClassifierMetrics.AucConfidenceInterval(7.0 / 9.0, 3, 3);

        Assert.Equal(0.3713830154705147, interval.Lower, 1e-12);
        Assert.Equal(1.0, interval.Upper);
    }

    [Fact]
    public void Brier_and_log_loss_of_four_rows()
    {
        // p = 0.9 (+), 0.2 (−), 0.6 (−), 0.7 (+).
        // Brier: (0.1² + 0.2² + 0.6² + 0.3²) / 4 = (0.01 + 0.04 + 0.36 + 0.09) / 4 = 0.125.
        // Log loss: −(ln 0.9 + ln 0.8 + ln 0.4 + ln 0.7) / 4 = −ln(0.2016) / 4 = 1.6014697427849236 / 4 = 0.40036743569623...
        double[] p = [0.9, 0.2, 0.6, 0.7];
        bool[] y = [true, false, false, true];

        Assert.Equal(0.125, ClassifierMetrics.Brier(p, y), 1e-12);
        Assert.Equal(0.4003674356962309, ClassifierMetrics.LogLoss(p, y), 1e-12);
    }

    [Fact]
    public void Probability_metrics_refuse_values_outside_zero_to_one()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassifierMetrics.Brier([0.5, 1.5], [true, false]));
        Assert.Contains("Row 1", error.Message);
    }

    // Ten rows, given out of order. Sorted: 0.05(−) 0.12(−) 0.18(+) 0.41(+) 0.45(−) 0.47(−) 0.70(+) 0.70(+) 0.70(−) 0.93(+).
    private static readonly double[] CalibrationScores = [0.70, 0.05, 0.45, 0.93, 0.18, 0.70, 0.12, 0.41, 0.70, 0.47];
    private static readonly bool[] CalibrationLabels = [true, false, false, true, true, false, false, true, true, false];

    [Fact]
    public void Equal_width_calibration_bins_cut_zero_to_one_and_leave_out_empty_bins()
    {
        // Five bins of width 0.2. Bin 1 [0, 0.2): 0.05, 0.12, 0.18 → mean 0.35/3, 1 of 3 positive.
        // Bin 2 [0.2, 0.4): empty, left out. Bin 3 [0.4, 0.6): 0.41(+), 0.45, 0.47 → mean 1.33/3, 1 of 3.
        // Bin 4 [0.6, 0.8): three 0.70 → mean 0.70, 2 of 3. Bin 5 [0.8, 1]: 0.93(+) → 1 of 1.
        var table = ClassifierMetrics.Calibration(CalibrationScores, CalibrationLabels, 5, CalibrationBinning.EqualWidth);

        Assert.Equal([1, 3, 4, 5], table.Select(b => b.Bin));
        AssertBin(table[0], 0.0, 0.2, 3, 0.35 / 3, 1.0 / 3);
        AssertBin(table[1], 0.4, 0.6, 3, 1.33 / 3, 1.0 / 3);
        AssertBin(table[2], 0.6, 0.8, 3, 0.70, 2.0 / 3);
        AssertBin(table[3], 0.8, 1.0, 1, 0.93, 1.0);
    }

    [Fact]
    public void Quantile_calibration_bins_hold_equal_counts_and_keep_ties_together()
    {
        // Three bins of 10 rows: sorted row k goes to bin ⌊3k/10⌋ + 1: k = 0..3 → 1, k = 4..6 → 2, k = 7..9 → 3.
        // The 0.70s sit at k = 6, 7, 8: all go to the bin of the first (k = 6 → bin 2).
        // Bin 1: 0.05, 0.12, 0.18(+), 0.41(+) → mean 0.76/4 = 0.19, 2 of 4.
        // Bin 2: 0.45, 0.47, 0.70(+), 0.70(+), 0.70 → mean 3.02/5 = 0.604, 2 of 5. Bin 3: 0.93(+) → 1 of 1.
        var table = ClassifierMetrics.Calibration(CalibrationScores, CalibrationLabels, 3, CalibrationBinning.Quantile);

        Assert.Equal([1, 2, 3], table.Select(b => b.Bin));
        AssertBin(table[0], 0.05, 0.41, 4, 0.19, 0.5);
        AssertBin(table[1], 0.45, 0.70, 5, 0.604, 0.4);
        AssertBin(table[2], 0.93, 0.93, 1, 0.93, 1.0);
    }

    private static void AssertBin(CalibrationBin bin, double lower, double upper, long count, double meanPredicted, double observedRate)
    {
        Assert.Equal(lower, bin.Lower, 1e-12);
        Assert.Equal(upper, bin.Upper, 1e-12);
        Assert.Equal(count, bin.Count);
        Assert.Equal(meanPredicted, bin.MeanPredicted, 1e-12);
        Assert.Equal(observedRate, bin.ObservedRate, 1e-12);
    }
}
