/**
 * Upper tail of the chi-square distribution without the cancellation of 1 - cdf
 * (internal to lib/stats/factor; R: pchisq(x, df, lower.tail = FALSE)).
 *
 * P(X > x) = Q(df/2, x/2), the regularised upper incomplete gamma function. Below
 * x/2 < df/2 + 1 the tail is at least ~0.3 and 1 - cdf (@stdlib) is exact enough;
 * above it, Q is evaluated by its continued fraction (modified Lentz; Press et al.,
 * Numerical Recipes, 3rd ed., section 6.2) with the prefactor
 * (x/2)^a e^(-x/2) / Gamma(a) = x * pdf(x), taken from @stdlib's density.
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import chisquarePdf from '@stdlib/stats-base-dists-chisquare-pdf';

export function chisqUpper(x: number, df: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  const a = df / 2;
  const xg = x / 2;
  if (xg < a + 1) return 1 - chisquareCdf(x, df);
  const FPMIN = 1e-300;
  let b = xg + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return x * chisquarePdf(x, df) * h;
}
