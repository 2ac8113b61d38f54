//! Calendar dates: the one place where dates are parsed, printed and
//! stepped. ISO `YYYY-MM-DD` in datasets; `d.m.yyyy` too where people
//! write dates (tables, documents). Calendar rules come from `jiff`.

use std::fmt;
use std::str::FromStr;

/// A calendar date (proleptic Gregorian, years −9999 to 9999), ordered
/// chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

impl Date {
    /// Builds a date, checking the month and the day of the month.
    ///
    /// ```
    /// use verkosto::model::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2023, 2, 29).is_none());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let year = i16::try_from(year).ok()?;
        let month = i8::try_from(month).ok()?;
        let day = i8::try_from(day).ok()?;
        jiff::civil::Date::new(year, month, day).ok().map(Date)
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.0.year().into()
    }

    /// The month, 1–12.
    pub fn month(&self) -> u8 {
        self.0.month().unsigned_abs()
    }

    /// The day of the month, 1–31.
    pub fn day(&self) -> u8 {
        self.0.day().unsigned_abs()
    }

    /// The day before (the same date at the first day there is).
    ///
    /// ```
    /// use verkosto::model::Date;
    /// let d: Date = "2024-03-01".parse().unwrap();
    /// assert_eq!(d.previous_day().to_string(), "2024-02-29");
    /// ```
    pub fn previous_day(self) -> Date {
        self.0.yesterday().map_or(self, Date)
    }

    /// The first day of the next block of `months` months (1, 3, 12…),
    /// blocks counted from January: the next month, quarter or year.
    ///
    /// ```
    /// use verkosto::model::Date;
    /// let d: Date = "2020-05-17".parse().unwrap();
    /// assert_eq!(d.start_of_next(3).to_string(), "2020-07-01");
    /// assert_eq!(d.start_of_next(12).to_string(), "2021-01-01");
    /// ```
    pub fn start_of_next(self, months: u8) -> Date {
        let months = months.clamp(1, 12);
        let index = (self.month() - 1) / months * months + months;
        let (year, month) = if index >= 12 {
            (self.year() + 1, 1)
        } else {
            (self.year(), index + 1)
        };
        Date::new(year, month, 1).unwrap_or(self)
    }

    /// A date as people write it: `YYYY-MM-DD`, or `d.m.yyyy` with one or
    /// two digits for day and month (`1.9.2021`, `01.09.2021`, `1.9.2021.`).
    ///
    /// ```
    /// use verkosto::model::Date;
    /// assert_eq!(Date::parse_written("1.9.2021").unwrap().to_string(), "2021-09-01");
    /// assert_eq!(Date::parse_written("2021-09-01").unwrap().to_string(), "2021-09-01");
    /// assert!(Date::parse_written("31.4.2021").is_err());
    /// assert!(Date::parse_written("1.9.21").is_err());
    /// ```
    pub fn parse_written(text: &str) -> Result<Date, DateError> {
        let t = text.trim();
        if !t.contains('.') {
            return t
                .parse()
                .map_err(|e: DateError| DateError(format!("{e}; d.m.yyyy is read too")));
        }
        let parts: Vec<&str> = t
            .strip_suffix('.')
            .unwrap_or(t)
            .split('.')
            .map(str::trim)
            .collect();
        let shaped = parts.len() == 3
            && parts[2].len() == 4
            && parts[..2].iter().all(|p| (1..=2).contains(&p.len()))
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !shaped {
            return Err(DateError(format!(
                "{t:?} is not a date; expected YYYY-MM-DD or d.m.yyyy"
            )));
        }
        jiff::civil::Date::strptime("%d.%m.%Y", parts.join("."))
            .map(Date)
            .map_err(|_| {
                DateError(format!(
                    "{t:?} is not a calendar date (month 1–12, day within the month)"
                ))
            })
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
        s.parse::<jiff::civil::Date>().map(Date).map_err(|_| {
            DateError(format!(
                "{s:?} is not a calendar date (month 01–12, day within the month)"
            ))
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = (self.year(), self.month(), self.day());
        if let Ok(y @ 0..=9999) = u16::try_from(year) {
            // Digit by digit: exports write millions of dates.
            let digit = |v: u16| b'0' + (v % 10) as u8;
            let text = [
                digit(y / 1000),
                digit(y / 100),
                digit(y / 10),
                digit(y),
                b'-',
                b'0' + month / 10,
                b'0' + month % 10,
                b'-',
                b'0' + day / 10,
                b'0' + day % 10,
            ];
            return f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?);
        }
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
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
