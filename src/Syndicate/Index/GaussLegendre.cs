using System.Collections.Concurrent;

namespace Syndicate.Index;

/// <summary>
/// Gauss–Legendre quadrature rules on [-1, 1]. An <c>n</c>-point rule integrates every polynomial of
/// degree at most <c>2n − 1</c> exactly, and its weights are all positive, so rounding in the integrand
/// is never amplified: the result is as accurate as the integrand's own evaluation.
/// </summary>
internal static class GaussLegendre
{
    private static readonly ConcurrentDictionary<int, (double[] Nodes, double[] Weights)> s_rules = new();

    /// <summary>Returns the smallest number of points that integrates a polynomial of <paramref name="degree"/> exactly.</summary>
    public static int PointsForDegree(int degree) => (degree / 2) + 1;

    /// <summary>Returns the nodes (ascending) and weights of the <paramref name="points"/>-point rule; cached, do not mutate.</summary>
    public static (double[] Nodes, double[] Weights) Rule(int points)
    {
        if (points < 1)
        {
            Internal.ThrowHelper.ArgumentOutOfRange(nameof(points), "At least one point is required.");
        }

        return s_rules.GetOrAdd(points, Compute);
    }

    private static (double[] Nodes, double[] Weights) Compute(int n)
    {
        var nodes = new double[n];
        var weights = new double[n];

        // Roots of P_n are symmetric about 0; find the positive half by Newton's method from
        // Tricomi's approximation x ≈ cos(π (i − 1/4) / (n + 1/2)), which is close enough that the
        // iteration converges quadratically to the intended root for every n.
        for (var i = 0; i < (n + 1) / 2; i++)
        {
            var x = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
            for (var iteration = 0; iteration < 100; iteration++)
            {
                var (p, dp) = Legendre(n, x);
                var step = p / dp;
                x -= step;

                // Newton converges quadratically: once a step is this small, x is the root to within rounding.
                if (Math.Abs(step) <= 1e-15)
                {
                    break;
                }
            }

            // One more evaluation at the converged root for the weight.
            var (_, derivative) = Legendre(n, x);
            var weight = 2.0 / ((1.0 - (x * x)) * derivative * derivative);
            nodes[n - 1 - i] = x;
            nodes[i] = -x;
            weights[n - 1 - i] = weight;
            weights[i] = weight;
        }

        if ((n & 1) == 1)
        {
            // The middle root is exactly 0.
            nodes[n / 2] = 0.0;
        }

        return (nodes, weights);
    }

    /// <summary>P_n(x) and P_n'(x) by the three-term recurrence (k+1) P_{k+1} = (2k+1) x P_k − k P_{k−1}.</summary>
    private static (double Value, double Derivative) Legendre(int n, double x)
    {
        var p0 = 1.0;
        var p1 = x;
        for (var k = 1; k < n; k++)
        {
            var p2 = ((((2 * k) + 1) * x * p1) - (k * p0)) / (k + 1);
            p0 = p1;
            p1 = p2;
        }

        var value = n == 0 ? 1.0 : p1;
        var previous = n == 0 ? 0.0 : p0;

        // (1 − x²) P_n'(x) = n (P_{n−1}(x) − x P_n(x)).
        var derivative = n * (previous - (x * value)) / (1.0 - (x * x));
        return (value, derivative);
    }
}
