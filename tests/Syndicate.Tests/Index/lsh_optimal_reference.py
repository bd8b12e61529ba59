#!/usr/bin/env python3
"""Reference values for LshParameters.Optimal.

MinHashLSH in the Python library datasketch picks its band count b and rows per
band r by minimising, over every b >= 1, r >= 1 with b * r <= k,

    fp_weight * FP(b, r) + fn_weight * FN(b, r)

    FP(b, r) = integral over [0, t] of 1 - (1 - s^r)^b ds
    FN(b, r) = integral over [t, 1] of (1 - s^r)^b ds

scanning b = 1..k and r = 1..k // b and keeping the first strict minimum.

This script computes both areas without any numerical quadrature: the integrand
is a polynomial, so with the binomial expansion

    (1 - s^r)^b = sum_{j=0..b} C(b, j) (-1)^j s^(r j)

each area is a finite sum of exact antiderivative terms. The sum alternates and
its terms reach C(256, 128) ~ 6e75, so it is evaluated with mpmath at 160
significant digits, far more than the cancellation consumes. The threshold is
taken as the exact binary value of the double the caller passes, which is what
both datasketch and the C# implementation see.

The optima below were also checked against datasketch's own procedure (the same
scan with scipy.integrate.quad as the integrator): all of them agree.

For every case it prints the optimum and the relative gap to the runner-up, so
a reader can see that no reference value rests on a near-tie that a less exact
integrator could flip.

Usage: python3 lsh_optimal_reference.py   (needs mpmath; takes ~1 minute)
"""

from math import comb

import mpmath

mpmath.mp.dps = 160


def areas(t, b, r):
    """Returns (FP, FN) for threshold t (an mpf) and parameters b, r."""
    # Integral over [0, x] of (1 - s^r)^b ds = sum_j C(b, j) (-1)^j x^(r j + 1) / (r j + 1).
    def lower(x):
        total = mpmath.mpf(0)
        for j in range(b + 1):
            term = comb(b, j) * x ** (r * j + 1) / (r * j + 1)
            total += -term if j & 1 else term
        return total

    at_t = lower(t)
    at_1 = lower(mpmath.mpf(1))
    fp = t - at_t
    fn = at_1 - at_t
    return fp, fn


def optimal(threshold, k, fp_weight=0.5, fn_weight=0.5):
    t = mpmath.mpf(threshold)  # exact: a double converts to mpf without rounding
    wfp = mpmath.mpf(fp_weight)
    wfn = mpmath.mpf(fn_weight)
    best = None
    best_error = mpmath.inf
    runner_up_error = mpmath.inf
    for b in range(1, k + 1):
        for r in range(1, k // b + 1):
            fp, fn = areas(t, b, r)
            error = wfp * fp + wfn * fn
            if error < best_error:
                runner_up_error = best_error
                best_error = error
                best = (b, r)
            elif error < runner_up_error:
                runner_up_error = error
    gap = (runner_up_error - best_error) / best_error
    return best, best_error, gap


CASES = [
    # The five values datasketch itself returns for equal weights.
    (0.5, 128, 0.5, 0.5),
    (0.8, 128, 0.5, 0.5),
    (0.9, 128, 0.5, 0.5),
    (0.5, 256, 0.5, 0.5),
    (0.3, 128, 0.5, 0.5),
] + [
    (t, k, 0.5, 0.5) for t in (0.4, 0.6, 0.7, 0.85) for k in (64, 128, 256)
] + [
    (0.75, 256, 0.5, 0.5),
    (0.75, 256, 0.1, 0.9),
    (0.8, 128, 0.2, 0.8),
    (0.6, 128, 0.9, 0.1),
    (0.5, 100, 0.5, 0.5),
    (0.7, 50, 0.5, 0.5),
]

if __name__ == "__main__":
    for threshold, k, wfp, wfn in CASES:
        (b, r), error, gap = optimal(threshold, k, wfp, wfn)
        print(f"t={threshold} k={k} fp={wfp} fn={wfn} -> b={b} r={r} "
              f"error={mpmath.nstr(error, 17)} runner-up gap={mpmath.nstr(gap, 3)}",
              flush=True)
    # Individual areas, to check the C# integrator itself and not only the argmin.
    for threshold, b, r in ((0.5, 25, 5), (0.8, 9, 13), (0.3, 1, 1), (0.9, 12, 10), (0.5, 1, 128)):
        fp, fn = areas(mpmath.mpf(threshold), b, r)
        print(f"t={threshold} b={b} r={r} -> FP={mpmath.nstr(fp, 17)} FN={mpmath.nstr(fn, 17)}")
