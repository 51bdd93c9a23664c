//! Calendar dates as the payload writes them (`YYYY-MM-DD`), checked to be real days.
//! Hand-written because a date crate would cost the browser build more than these few lines.

use std::fmt;

/// A real day of the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Four-digit year.
    pub year: u16,
    /// 1–12.
    pub month: u8,
    /// 1–31, valid for the month.
    pub day: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// Reads `YYYY-MM-DD`; the error is a sentence for the payload author.
    pub fn parse(s: &str) -> Result<Date, String> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u16> {
            b[r].iter().try_fold(0u16, |n, c| {
                c.is_ascii_digit().then(|| n * 10 + u16::from(c - b'0'))
            })
        };
        let shape_ok = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
        let (year, month, day) = match (
            shape_ok,
            shape_ok.then(|| (digits(0..4), digits(5..7), digits(8..10))),
        ) {
            (true, Some((Some(y), Some(m), Some(d)))) => (y, m as u8, d as u8),
            _ => return Err(format!("expected a date written YYYY-MM-DD, found `{s}`")),
        };
        if !(1..=12).contains(&month) {
            return Err(format!(
                "`{s}` is not a real date: there is no month {month}"
            ));
        }
        let max = days_in(year, month);
        if day == 0 || day > max {
            return Err(format!(
                "`{s}` is not a real date: {} {year} has {max} days",
                MONTHS[usize::from(month) - 1]
            ));
        }
        Ok(Date { year, month, day })
    }

    /// English month name, for messages and the default UI.
    pub fn month_name(self) -> &'static str {
        MONTHS[usize::from(self.month) - 1]
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_days_only() {
        assert_eq!(
            Date::parse("2026-04-27"),
            Ok(Date {
                year: 2026,
                month: 4,
                day: 27
            })
        );
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2000-02-29").is_ok());
        assert_eq!(
            Date::parse("2026-02-30").unwrap_err(),
            "`2026-02-30` is not a real date: February 2026 has 28 days"
        );
        assert!(Date::parse("1900-02-29").is_err());
        assert!(Date::parse("2026-13-01")
            .unwrap_err()
            .contains("no month 13"));
        assert!(Date::parse("2026-04-00").is_err());
        for bad in [
            "2026/04/27",
            "26-04-27",
            "2026-4-27",
            "2026-04-27T00:00",
            "２０２６-04-27",
            "",
        ] {
            assert!(
                Date::parse(bad).unwrap_err().starts_with("expected a date"),
                "{bad}"
            );
        }
    }

    #[test]
    fn round_trips() {
        assert_eq!(Date::parse("0999-01-09").unwrap().to_string(), "0999-01-09");
    }
}
