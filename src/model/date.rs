//! Calendar dates in ISO `YYYY-MM-DD` form.

use std::fmt;
use std::str::FromStr;

/// A calendar date (proleptic Gregorian), ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, checking the month and the day of the month.
    ///
    /// ```
    /// use verkosto::model::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2023, 2, 29).is_none());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(&self) -> u8 {
        self.day
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl std::error::Error for DateError {}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Parses exactly `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, DateError> {
        let bytes = s.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shaped {
            return Err(DateError(format!(
                "{s:?} is not a date; expected YYYY-MM-DD, e.g. 2021-09-01"
            )));
        }
        let year: i32 = s[0..4].parse().expect("four digits");
        let month: u8 = s[5..7].parse().expect("two digits");
        let day: u8 = s[8..10].parse().expect("two digits");
        Date::new(year, month, day).ok_or_else(|| {
            DateError(format!(
                "{s:?} is not a calendar date (month 01–12, day within the month)"
            ))
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_round_trip() {
        let d: Date = "2021-09-01".parse().unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2021, 9, 1));
        assert_eq!(d.to_string(), "2021-09-01");
    }

    #[test]
    fn rejects_bad_shapes_and_impossible_days() {
        for bad in [
            "2021-9-01",
            "01.09.2021",
            "2021-13-01",
            "2021-02-29",
            "2021-04-31",
            "",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad} should fail");
        }
        assert!("2000-02-29".parse::<Date>().is_ok());
        assert!("1900-02-29".parse::<Date>().is_err());
    }

    #[test]
    fn orders_chronologically() {
        let a: Date = "2020-12-31".parse().unwrap();
        let b: Date = "2021-01-01".parse().unwrap();
        assert!(a < b);
    }
}
