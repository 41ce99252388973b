using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Analytics.Models.Learning;

/// <summary>
/// Fits a <see cref="LogisticRegressionModel"/>: L2-regularised logistic regression on standardised features, minimised
/// with MathNet.Numerics' L-BFGS and an analytic gradient.
/// </summary>
/// <remarks>
/// <para>
/// Features are first standardised with the (weighted) training means and standard deviations:
/// <c>z_ij = (x_ij − m_j) / s_j</c>. With log-odds <c>η_i = β_0 + Σ_j β_j z_ij</c>, weight <c>w_i</c> and label
/// <c>y_i ∈ {0, 1}</c>, the objective is
/// </para>
/// <code>
/// L(β) = Σ_i w_i [log(1 + e^η_i) − y_i η_i]  +  (λ/2) Σ_{j≥1} (β_j − μ_j)²
/// </code>
/// <para>
/// the negative log-likelihood plus a Gaussian prior <c>β_j ~ N(μ_j, 1/λ)</c> on each standardised coefficient
/// (<see cref="LogisticRegressionOptions.PriorMeans"/> μ, default 0). The intercept β_0 is not penalised. The penalty is
/// not divided by the row count: with 20 rows it dominates and the coefficients stay near μ (shrinkage for thin
/// data); with 100,000 rows the likelihood dominates and the fit approaches maximum likelihood.
/// </para>
/// <para>The gradient, with <c>p_i = σ(η_i) = 1 / (1 + e^−η_i)</c>:</para>
/// <code>
/// ∂L/∂β_0 = Σ_i w_i (p_i − y_i)
/// ∂L/∂β_j = Σ_i w_i (p_i − y_i) z_ij + λ (β_j − μ_j)
/// </code>
/// <para>
/// The optimiser minimises <c>L / Σ_i w_i</c> (same minimum, values of order 1 whatever the row count, so one
/// tolerance fits all sizes), starting from <c>β_0</c> = the weighted base-rate log-odds and <c>β_j = μ_j</c>. With
/// λ &gt; 0 the objective is strictly convex, so the minimum is unique and finite even when the data are separable. The
/// gradient sums run over fixed blocks of rows in parallel and are added in block order, so a fit is reproducible to
/// the bit.
/// </para>
/// <para>
/// A feature's contribution to a row's score is <c>β_j z_ij</c>: its push on the log-odds relative to the average
/// training row (where every <c>z = 0</c> and the log-odds is β_0).
/// </para>
/// </remarks>
public static class LogisticRegressionTrainer
{
    private const int BlockRows = 4096;

    /// <summary>Fits the model on <paramref name="rows"/> (raw feature values) and <paramref name="labels"/>.</summary>
    /// <param name="featureNames">One distinct name per column of the rows.</param>
    /// <param name="rows">Training rows of raw feature values, every value finite.</param>
    /// <param name="labels">The outcome of each row (true = positive); both outcomes must occur.</param>
    /// <param name="options">Penalty, priors, weights and stopping rule.</param>
    /// <exception cref="ArgumentException">
    /// Bad input: mismatched lengths, a NaN or infinite value (the message names the row and feature), labels of one
    /// outcome only, bad weights, priors or options.
    /// </exception>
    /// <exception cref="InvalidOperationException">The optimiser did not converge (e.g. λ = 0 on separable data).</exception>
    public static LogisticRegressionModel Fit(IReadOnlyList<string> featureNames, IReadOnlyList<double[]> rows,
        IReadOnlyList<bool> labels, LogisticRegressionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var weights = options.Weights;
        TrainingRows.Check(featureNames, rows, weights);
        TrainingRows.CheckLabels(labels, rows.Count, weights);
        var features = featureNames.Count;
        var prior = CheckOptions(options, features);

        var standardizer = Standardizer.Fit(rows, weights, features);
        var data = new Design(rows, labels, weights, standardizer);
        var lambda = options.L2;
        var best = new BestPoint(features + 1);

        var start = Vector<double>.Build.Dense(features + 1);
        start[0] = Logistic.LogOdds(data.WeightedPositives / data.TotalWeight);
        for (var j = 0; j < features; j++)
        {
            start[j + 1] = prior[j];
        }

        var objective = ObjectiveFunction.Gradient(theta =>
        {
            var gradient = Vector<double>.Build.Dense(features + 1);
            var value = data.LossAndGradient(theta, gradient);
            for (var j = 0; j < features; j++)
            {
                var d = theta[j + 1] - prior[j];
                value += 0.5 * lambda * d * d;
                gradient[j + 1] += lambda * d;
            }

            value /= data.TotalWeight;
            gradient.Divide(data.TotalWeight, gradient);
            best.Offer(theta, value, gradient);
            return (value, gradient);
        });

        var minimizer = new LimitedMemoryBfgsMinimizer(options.Tolerance, 1e-12, 1e-15, memory: 10, options.MaxIterations);
        Vector<double> solution;
        try
        {
            solution = minimizer.FindMinimum(objective, start).MinimizingPoint;
        }
        catch (Exception e) when (e is MaximumIterationsException or InnerOptimizationException or EvaluationException)
        {
            // The line search can fail to find a decrease once the objective is flat to the last digit; the best point
            // seen is then the answer if its gradient is as small as the tolerance allows at double precision.
            if (best.Point is null || best.LargestGradient > Math.Max(options.Tolerance, 1e-6))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Logistic regression did not converge ({e.Message}); the largest gradient component was {best.LargestGradient:G3}. "
                    + $"With L2 = {lambda} on separable data there is no finite fit: raise L2 or MaxIterations ({options.MaxIterations})."), e);
            }

            solution = best.Point;
        }

        return new LogisticRegressionModel(
            [.. featureNames], standardizer, solution[0], [.. solution.Skip(1)], lambda, prior);
    }

    private static double[] CheckOptions(LogisticRegressionOptions options, int features)
    {
        if (!double.IsFinite(options.L2) || options.L2 < 0)
        {
            throw new ArgumentException($"L2 must be a finite number ≥ 0, got {options.L2.ToString(CultureInfo.InvariantCulture)}.", nameof(options));
        }

        if (options.MaxIterations < 1)
        {
            throw new ArgumentException($"MaxIterations must be ≥ 1, got {options.MaxIterations}.", nameof(options));
        }

        if (!(options.Tolerance > 0) || !double.IsFinite(options.Tolerance))
        {
            throw new ArgumentException($"Tolerance must be a finite number > 0, got {options.Tolerance.ToString(CultureInfo.InvariantCulture)}.", nameof(options));
        }

        if (options.PriorMeans is null)
        {
            return new double[features];
        }

        if (options.PriorMeans.Count != features || options.PriorMeans.Any(m => !double.IsFinite(m)))
        {
            throw new ArgumentException(
                $"PriorMeans must hold one finite value per feature ({features}), got [{string.Join(", ", options.PriorMeans)}].", nameof(options));
        }

        return [.. options.PriorMeans];
    }

    /// <summary>The standardised training rows, flat and row-major, with labels and weights, for fast gradient sums.</summary>
    private sealed class Design
    {
        private readonly double[] _z;
        private readonly double[] _y;
        private readonly double[] _w;
        private readonly int _rows;
        private readonly int _features;
        private readonly double[][] _blockSums;

        public Design(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<double>? weights, Standardizer standardizer)
        {
            _rows = rows.Count;
            _features = standardizer.Means.Length;
            _z = new double[_rows * _features];
            _y = new double[_rows];
            _w = new double[_rows];
            for (var i = 0; i < _rows; i++)
            {
                standardizer.Transform(rows[i], _z.AsSpan(i * _features, _features));
                _y[i] = labels[i] ? 1.0 : 0.0;
                _w[i] = weights?[i] ?? 1.0;
                TotalWeight += _w[i];
                WeightedPositives += _w[i] * _y[i];
            }

            // Each block's sums: [loss, ∂β_0, ∂β_1..∂β_p].
            _blockSums = new double[(_rows + BlockRows - 1) / BlockRows][];
            for (var b = 0; b < _blockSums.Length; b++)
            {
                _blockSums[b] = new double[_features + 2];
            }
        }

        public double TotalWeight { get; }

        public double WeightedPositives { get; }

        /// <summary>Returns Σ w·loss and writes its gradient (intercept first) into <paramref name="gradient"/>.</summary>
        public double LossAndGradient(Vector<double> theta, Vector<double> gradient)
        {
            var beta = theta.ToArray();
            Parallel.For(0, _blockSums.Length, b => SumBlock(b, beta));
            var loss = 0.0;
            foreach (var sums in _blockSums)
            {
                loss += sums[0];
                for (var j = 0; j <= _features; j++)
                {
                    gradient[j] += sums[j + 1];
                }
            }

            return loss;
        }

        private void SumBlock(int block, double[] theta)
        {
            var sums = _blockSums[block];
            Array.Clear(sums);
            var features = _features;
            var beta = theta.AsSpan(1, features);
            var gradient = sums.AsSpan(2, features);
            var end = Math.Min(_rows, (block + 1) * BlockRows);
            var loss = 0.0;
            var interceptGradient = 0.0;
            for (var i = block * BlockRows; i < end; i++)
            {
                var z = _z.AsSpan(i * features, features);
                var eta = theta[0];
                for (var j = 0; j < features; j++)
                {
                    eta += beta[j] * z[j];
                }

                var w = _w[i];
                loss += w * (Logistic.Softplus(eta) - _y[i] * eta);
                var residual = w * (Logistic.Sigmoid(eta) - _y[i]);
                interceptGradient += residual;
                for (var j = 0; j < features; j++)
                {
                    gradient[j] += residual * z[j];
                }
            }

            sums[0] = loss;
            sums[1] = interceptGradient;
        }
    }

    /// <summary>The lowest objective value the optimiser evaluated, with its point and gradient size.</summary>
    private sealed class BestPoint(int size)
    {
        private double _value = double.PositiveInfinity;

        public Vector<double>? Point { get; private set; }

        public double LargestGradient { get; private set; } = double.PositiveInfinity;

        public void Offer(Vector<double> point, double value, Vector<double> gradient)
        {
            if (!(value < _value) || point.Count != size)
            {
                return;
            }

            _value = value;
            Point = point.Clone();
            LargestGradient = gradient.AbsoluteMaximum();
        }
    }
}
