//! Decimal numbers read and written without core's float parser and printer,
//! and the numbers of ids.
//!
//! `str::parse::<f64>` and `{}`/`{:.3}` on an `f64` link about 25 KB of
//! dec2flt, Grisu and Dragon into the browser build. The numbers Glose reads
//! are short digit strings and the ones it writes have at most three decimals,
//! so integer arithmetic does both exactly.

/// Reads `digits[.digits]`. One division of two exact integers rounds
/// correctly, as `str::parse` would.
pub fn parse(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut mantissa = 0.0f64;
    for b in int.bytes().chain(frac.bytes()) {
        mantissa = mantissa * 10.0 + f64::from(b - b'0');
    }
    let value = mantissa / 10f64.powi(i32::try_from(frac.len()).ok()?);
    value.is_finite().then_some(value)
}

/// Writes `v` with at most three decimals and no trailing zeros: `2`, `1.5`, `0.333`.
pub fn format3(v: f64) -> String {
    let thousandths = (v * 1000.0).round() as i64;
    let sign = if thousandths < 0 { "-" } else { "" };
    let abs = thousandths.unsigned_abs();
    let (int, frac) = (abs / 1000, abs % 1000);
    if frac == 0 {
        return format!("{sign}{int}");
    }
    let digits = format!("{frac:03}");
    format!("{sign}{int}.{}", digits.trim_end_matches('0'))
}

/// `value` times `scale`, a power of ten, without the float error of the
/// product: "$33.16 billion" is 33160000000, where the product is
/// 33159999999.999996. The numbers read have far fewer than the twelve
/// significant digits kept here.
pub fn times(value: f64, scale: f64) -> f64 {
    let product = value * scale;
    let abs = product.abs();
    if !abs.is_finite() || abs == 0.0 {
        return product;
    }
    // The power of ten that leaves twelve digits before the point, as an
    // exact float: dividing by it, or multiplying by its inverse, is exact
    // where the result can be.
    let (mut unit, mut inverse) = (1.0f64, 1.0f64);
    while abs / unit >= 1e12 {
        unit *= 10.0;
    }
    while abs * inverse < 1e11 && inverse < 1e15 {
        inverse *= 10.0;
    }
    if inverse > 1.0 {
        (product * inverse).round() / inverse
    } else {
        (product / unit).round() * unit
    }
}

/// `prefix` and `n` in decimal, as ids are written ("e12", "q3"): `format!`
/// costs a few hundred instructions per id, and an article has hundreds.
pub fn numbered(prefix: char, n: usize) -> String {
    let mut digits = [0u8; 20];
    let (mut k, mut n) = (digits.len(), n);
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(prefix.len_utf8() + digits.len() - k);
    id.push(prefix);
    id.extend(digits[k..].iter().map(|&d| char::from(d)));
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_agrees_with_str_parse() {
        for s in ["0", "7", "10", "10.", "30.4", "0.1", "3.14159", "1998", "12345678.875", "0.000001"] {
            assert_eq!(parse(s), s.parse::<f64>().ok(), "{s}");
        }
        for s in ["", ".5", "1.2.3", "1e5", "-3", "x", "1,5"] {
            assert_eq!(parse(s), None, "{s}");
        }
    }

    #[test]
    fn scaled_values_are_the_decimals_written() {
        let cases = [
            (33.16, 1e9, 33_160_000_000.0),
            (4.1, 1e9, 4_100_000_000.0),
            (1.7, 1e6, 1_700_000.0),
            (3.6, 1e12, 3_600_000_000_000.0),
            (0.07, 1e3, 70.0),
            (2.0, 1e3, 2000.0),
            (1.2345, 1e6, 1_234_500.0),
        ];
        for (v, scale, want) in cases {
            assert_eq!(times(v, scale), want, "{v} x {scale}");
        }
        assert_ne!(33.16 * 1e9, 33_160_000_000.0, "the plain product has the error");
    }

    #[test]
    fn numbered_matches_format() {
        for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(numbered('e', n), format!("e{n}"));
        }
    }

    #[test]
    fn format3_matches_the_float_printer() {
        for v in [0.0, 2.0, 1.5, 0.25, 1.0 / 3.0, 2.0 / 3.0, 12.125, 0.001, 0.0004, 7.9999, -1.5, 100.0, 30.4] {
            let printed = format!("{v:.3}");
            let printed = printed.trim_end_matches('0').trim_end_matches('.');
            let printed = if printed == "-0" { "0" } else { printed };
            assert_eq!(format3(v), printed, "{v}");
        }
    }
}
