package dev.juror.calibration.stats;

/**
 * Standard normal distribution function and its inverse, for BCa intervals and normal-approximation
 * intervals. No library: the cdf is Hart's algorithm 5666 in the double-precision form published
 * by G. West (2005, "Better approximations to cumulative normal functions"), absolute error
 * below 1e-14; the quantile is Wichura's AS 241 PPND16 (Applied Statistics 37, 1988), relative
 * error about 1e-16. Both are checked against independent values in NormalTest.
 */
public final class Normal {

    private Normal() {
    }

    /** Phi(x) = P(Z <= x). */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("x is NaN");
        }
        double abs = Math.abs(x);
        double tail;
        if (abs > 37) {
            tail = 0;
        } else {
            double exponential = Math.exp(-abs * abs / 2);
            if (abs < 7.07106781186547) {
                double num = 3.52624965998911e-02 * abs + 0.700383064443688;
                num = num * abs + 6.37396220353165;
                num = num * abs + 33.912866078383;
                num = num * abs + 112.079291497871;
                num = num * abs + 221.213596169931;
                num = num * abs + 220.206867912376;
                double den = 8.83883476483184e-02 * abs + 1.75566716318264;
                den = den * abs + 16.064177579207;
                den = den * abs + 86.7807322029461;
                den = den * abs + 296.564248779674;
                den = den * abs + 637.333633378831;
                den = den * abs + 793.826512519948;
                den = den * abs + 440.413735824752;
                tail = exponential * num / den;
            } else {
                double b = abs + 0.65;
                b = abs + 4 / b;
                b = abs + 3 / b;
                b = abs + 2 / b;
                b = abs + 1 / b;
                tail = exponential / b / 2.506628274631;
            }
        }
        return x > 0 ? 1 - tail : tail;
    }

    /** Phi^-1(p) for 0 &lt; p &lt; 1; infinite at 0 and 1. */
    public static double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0,1], got " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r
                    + 6.7265770927008700853e+4) * r + 4.5921953931549871457e+4) * r
                    + 1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r
                    + 1.3314166789178437745e+2) * r + 3.3871328727963666080e0)
                    / (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r
                    + 3.9307895800092710610e+4) * r + 2.1213794301586595867e+4) * r
                    + 5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r
                    + 4.2313330701600911252e+1) * r + 1.0);
        }
        double r = q < 0 ? p : 1 - p;
        r = Math.sqrt(-Math.log(r));
        double value;
        if (r <= 5) {
            r -= 1.6;
            value = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r
                    + 2.41780725177450611770e-1) * r + 1.27045825245236838258e0) * r
                    + 3.64784832476320460504e0) * r + 5.76949722146069140550e0) * r
                    + 4.63033784615654529590e0) * r + 1.42343711074968357734e0)
                    / (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r
                    + 1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r
                    + 6.89767334985100004550e-1) * r + 1.67638483018380384940e0) * r
                    + 2.05319162663775882187e0) * r + 1.0);
        } else {
            r -= 5;
            value = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                    + 1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r
                    + 2.96560571828504891230e-1) * r + 1.78482653991729133580e0) * r
                    + 5.46378491116411436990e0) * r + 6.65790464350110377720e0)
                    / (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r
                    + 1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r
                    + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
                    + 5.99832206555887937690e-1) * r + 1.0);
        }
        return q < 0 ? -value : value;
    }
}
