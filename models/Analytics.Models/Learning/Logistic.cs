namespace Analytics.Models.Learning;

/// <summary>The logistic function and the log-loss pieces, written so they neither overflow nor lose digits.</summary>
internal static class Logistic
{
    /// <summary>σ(η) = 1 / (1 + e^−η).</summary>
    public static double Sigmoid(double eta) => eta >= 0
        ? 1.0 / (1.0 + Math.Exp(-eta))
        : Math.Exp(eta) / (1.0 + Math.Exp(eta));

    /// <summary>log(1 + e^η), the log-loss of a negative row with log-odds η.</summary>
    public static double Softplus(double eta) => eta > 0
        ? eta + Math.Log(1.0 + Math.Exp(-eta))
        : Math.Log(1.0 + Math.Exp(eta));

    /// <summary>log(p / (1 − p)).</summary>
    public static double LogOdds(double p) => Math.Log(p / (1.0 - p));
}
