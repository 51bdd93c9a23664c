//! JSON text → [`serde_json::Value`], accepting and rejecting exactly what `serde_json::from_str`
//! does, with the same error (kind, message, line and column).
//!
//! Why not serde_json's own parser: its deserializer, the `Deserialize` machinery behind
//! `Value` and its float parsing are about a twentieth of the widget's wasm, which every reader
//! downloads, while a payload needs only this: build a `Value`, or say where the text first
//! stops being JSON. This is serde_json's algorithm (version 1.0, default features), step for
//! step where it decides an error or its position; `tests/json_parser.rs` compares the two on
//! every fixture and on systematic edits of them. Numbers follow serde_json without
//! `float_roundtrip`: the same (not always correctly rounded) `f64`, and the same
//! "number out of range".

use serde_json::{Map, Number, Value};
use std::fmt;

/// serde_json's nesting limit: the 128th open array or object is refused.
const RECURSION_LIMIT: u8 = 128;

/// Parses `text` as one JSON value, with nothing but white space around it.
pub fn from_str(text: &str) -> Result<Value, Error> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        index: 0,
        remaining_depth: RECURSION_LIMIT,
    };
    let value = parser.value()?;
    match parser.whitespace() {
        Some(_) => Err(parser.peek_error(Code::TrailingCharacters)),
        None => Ok(value),
    }
}

/// Whether an error is the text ending early or something wrong in it (serde_json's
/// `Category::Eof` and `Category::Syntax`; the other two never come from parsing text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    /// Something in the text is not JSON.
    Syntax,
    /// The text ends before the value does.
    Eof,
}

/// Where and why the text is not JSON: serde_json's error, field for field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    code: Code,
    line: usize,
    column: usize,
}

impl Error {
    /// 1-based line of the error.
    pub fn line(&self) -> usize {
        self.line
    }

    /// serde_json's column: bytes from the start of the line to just after the byte it
    /// stopped at (0 when it stopped at the line break that ends the line before).
    pub fn column(&self) -> usize {
        self.column
    }

    /// Which kind of error this is.
    pub fn classify(&self) -> Category {
        match self.code {
            Code::EofWhileParsingList
            | Code::EofWhileParsingObject
            | Code::EofWhileParsingString
            | Code::EofWhileParsingValue => Category::Eof,
            _ => Category::Syntax,
        }
    }

    /// Whether the text ended early.
    pub fn is_eof(&self) -> bool {
        self.classify() == Category::Eof
    }
}

/// serde_json's wording: `<message> at line <L> column <C>`.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self.code {
            Code::EofWhileParsingList => "EOF while parsing a list",
            Code::EofWhileParsingObject => "EOF while parsing an object",
            Code::EofWhileParsingString => "EOF while parsing a string",
            Code::EofWhileParsingValue => "EOF while parsing a value",
            Code::ExpectedColon => "expected `:`",
            Code::ExpectedListCommaOrEnd => "expected `,` or `]`",
            Code::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            Code::ExpectedSomeIdent => "expected ident",
            Code::ExpectedSomeValue => "expected value",
            Code::InvalidEscape => "invalid escape",
            Code::InvalidNumber => "invalid number",
            Code::NumberOutOfRange => "number out of range",
            Code::ControlCharacterWhileParsingString => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            Code::KeyMustBeAString => "key must be a string",
            Code::LoneLeadingSurrogateInHexEscape => "lone leading surrogate in hex escape",
            Code::TrailingComma => "trailing comma",
            Code::TrailingCharacters => "trailing characters",
            Code::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
            Code::RecursionLimitExceeded => "recursion limit exceeded",
        };
        write!(f, "{message} at line {} column {}", self.line, self.column)
    }
}

/// The subset of serde_json's error codes that parsing UTF-8 text into a `Value` can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Code {
    EofWhileParsingList,
    EofWhileParsingObject,
    EofWhileParsingString,
    EofWhileParsingValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedSomeIdent,
    ExpectedSomeValue,
    InvalidEscape,
    InvalidNumber,
    NumberOutOfRange,
    ControlCharacterWhileParsingString,
    KeyMustBeAString,
    LoneLeadingSurrogateInHexEscape,
    TrailingComma,
    TrailingCharacters,
    UnexpectedEndOfHexEscape,
    RecursionLimitExceeded,
}

/// `significand * 10 + digit` would exceed `max` (serde_json's `overflow!`).
fn overflows<T: Copy + PartialOrd + std::ops::Div<Output = T> + std::ops::Rem<Output = T>>(
    significand: T,
    digit: T,
    max: T,
    ten: T,
) -> bool {
    significand >= max / ten && (significand > max / ten || digit > max % ten)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    index: usize,
    remaining_depth: u8,
}

type Parsed<T> = Result<T, Error>;

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.index).copied()
    }

    fn peek_or_null(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.index += 1;
        Some(byte)
    }

    fn at(&self, index: usize, code: Code) -> Error {
        let before = &self.bytes[..index];
        let start_of_line = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        Error {
            code,
            line: 1 + before[..start_of_line]
                .iter()
                .filter(|&&b| b == b'\n')
                .count(),
            column: index - start_of_line,
        }
    }

    /// An error caused by the byte just read.
    fn error(&self, code: Code) -> Error {
        self.at(self.index, code)
    }

    /// An error caused by the byte about to be read.
    fn peek_error(&self, code: Code) -> Error {
        self.at((self.index + 1).min(self.bytes.len()), code)
    }

    /// Skips white space; the next byte, not consumed.
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.index += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Parsed<Value> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(Code::EofWhileParsingValue));
        };
        match peek {
            b'n' => self.ident(b"ull", Value::Null),
            b't' => self.ident(b"rue", Value::Bool(true)),
            b'f' => self.ident(b"alse", Value::Bool(false)),
            b'-' => {
                self.index += 1;
                self.integer(false)
            }
            b'0'..=b'9' => self.integer(true),
            b'"' => {
                self.index += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                self.remaining_depth -= 1;
                if self.remaining_depth == 0 {
                    return Err(self.peek_error(Code::RecursionLimitExceeded));
                }
                self.index += 1;
                let value = if peek == b'[' {
                    self.array().map(Value::Array)
                } else {
                    self.object().map(Value::Object)
                }?;
                self.remaining_depth += 1;
                // array() and object() return only when they have seen the closing bracket.
                self.index += 1;
                Ok(value)
            }
            _ => Err(self.peek_error(Code::ExpectedSomeValue)),
        }
    }

    /// The rest of `null`, `true` or `false`, after its first letter.
    fn ident(&mut self, rest: &[u8], value: Value) -> Parsed<Value> {
        self.index += 1;
        for &expected in rest {
            match self.next() {
                None => return Err(self.error(Code::EofWhileParsingValue)),
                Some(b) if b != expected => return Err(self.error(Code::ExpectedSomeIdent)),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// Elements up to (not including) the closing `]`.
    fn array(&mut self) -> Parsed<Vec<Value>> {
        let mut items = Vec::new();
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error(Code::EofWhileParsingList));
            };
            if peek == b']' {
                return Ok(items);
            }
            if !items.is_empty() {
                if peek != b',' {
                    return Err(self.peek_error(Code::ExpectedListCommaOrEnd));
                }
                self.index += 1;
                match self.whitespace() {
                    Some(b']') => return Err(self.peek_error(Code::TrailingComma)),
                    Some(_) => {}
                    None => return Err(self.peek_error(Code::EofWhileParsingValue)),
                }
            }
            items.push(self.value()?);
        }
    }

    /// Members up to (not including) the closing `}`; a repeated key keeps its last value.
    fn object(&mut self) -> Parsed<Map<String, Value>> {
        let mut map = Map::new();
        let mut first = true;
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error(Code::EofWhileParsingObject));
            };
            if peek == b'}' {
                return Ok(map);
            }
            if first {
                first = false;
                if peek != b'"' {
                    return Err(self.peek_error(Code::KeyMustBeAString));
                }
            } else if peek == b',' {
                self.index += 1;
                match self.whitespace() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.peek_error(Code::TrailingComma)),
                    Some(_) => return Err(self.peek_error(Code::KeyMustBeAString)),
                    None => return Err(self.peek_error(Code::EofWhileParsingValue)),
                }
            } else {
                return Err(self.peek_error(Code::ExpectedObjectCommaOrEnd));
            }
            self.index += 1;
            let key = self.string()?;
            match self.whitespace() {
                Some(b':') => self.index += 1,
                Some(_) => return Err(self.peek_error(Code::ExpectedColon)),
                None => return Err(self.peek_error(Code::EofWhileParsingObject)),
            }
            let value = self.value()?;
            map.insert(key, value);
        }
    }

    /// A string's contents after its opening quote, through its closing quote.
    fn string(&mut self) -> Parsed<String> {
        let mut out = String::new();
        let mut start = self.index;
        loop {
            while self
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.index += 1;
            }
            // Every stop is at an ASCII byte, so these slices are on character boundaries.
            let run = self.text.get(start..self.index).unwrap_or_default();
            match self.next() {
                None => return Err(self.error(Code::EofWhileParsingString)),
                Some(b'"') => {
                    out.push_str(run);
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(run);
                    self.escape(&mut out)?;
                    start = self.index;
                }
                Some(_) => return Err(self.error(Code::ControlCharacterWhileParsingString)),
            }
        }
    }

    /// One escape, after its backslash.
    fn escape(&mut self, out: &mut String) -> Parsed<()> {
        let Some(byte) = self.next() else {
            return Err(self.error(Code::EofWhileParsingString));
        };
        out.push(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.error(Code::InvalidEscape)),
        });
        Ok(())
    }

    /// `\uXXXX`, or a surrogate pair of two, after the `\u`.
    fn unicode_escape(&mut self, out: &mut String) -> Parsed<()> {
        let high = self.hex_escape()?;
        if (0xDC00..=0xDFFF).contains(&high) {
            return Err(self.error(Code::LoneLeadingSurrogateInHexEscape));
        }
        if !(0xD800..=0xDBFF).contains(&high) {
            out.push(char::from_u32(u32::from(high)).unwrap_or(char::REPLACEMENT_CHARACTER));
            return Ok(());
        }
        for expected in [b'\\', b'u'] {
            match self.next() {
                None => return Err(self.error(Code::EofWhileParsingString)),
                Some(b) if b != expected => return Err(self.error(Code::UnexpectedEndOfHexEscape)),
                Some(_) => {}
            }
        }
        let low = self.hex_escape()?;
        if !(0xDC00..=0xDFFF).contains(&low) {
            return Err(self.error(Code::LoneLeadingSurrogateInHexEscape));
        }
        let c = (((u32::from(high) - 0xD800) << 10) | (u32::from(low) - 0xDC00)) + 0x1_0000;
        out.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
        Ok(())
    }

    fn hex_escape(&mut self) -> Parsed<u16> {
        let Some(digits) = self.bytes.get(self.index..self.index + 4) else {
            self.index = self.bytes.len();
            return Err(self.error(Code::EofWhileParsingString));
        };
        self.index += 4;
        digits
            .iter()
            .try_fold(0u16, |n, &b| {
                Some(n << 4 | u16::from((b as char).to_digit(16)? as u8))
            })
            .ok_or_else(|| self.error(Code::InvalidEscape))
    }

    /// A number, after its `-` if negative.
    fn integer(&mut self, positive: bool) -> Parsed<Value> {
        let Some(first) = self.next() else {
            return Err(self.error(Code::EofWhileParsingValue));
        };
        let mut significand = match first {
            b'0' if self.peek_or_null().is_ascii_digit() => {
                return Err(self.peek_error(Code::InvalidNumber))
            }
            b'0'..=b'9' => u64::from(first - b'0'),
            _ => return Err(self.error(Code::InvalidNumber)),
        };
        if first != b'0' {
            while let c @ b'0'..=b'9' = self.peek_or_null() {
                let digit = u64::from(c - b'0');
                if overflows(significand, digit, u64::MAX, 10) {
                    let f = self.long_integer(positive, significand)?;
                    return Ok(float(f));
                }
                self.index += 1;
                significand = significand * 10 + digit;
            }
        }
        Ok(match self.peek_or_null() {
            b'.' => float(self.decimal(positive, significand, 0)?),
            b'e' | b'E' => float(self.exponent(positive, significand, 0)?),
            _ if positive => Value::Number(significand.into()),
            _ => {
                let negative = (significand as i64).wrapping_neg();
                // `-0` and integers below i64::MIN are floats.
                if negative >= 0 {
                    float(-(significand as f64))
                } else {
                    Value::Number(negative.into())
                }
            }
        })
    }

    /// Digits beyond what a u64 holds: each one is a power of ten on the significand.
    fn long_integer(&mut self, positive: bool, significand: u64) -> Parsed<f64> {
        let mut exponent = 0;
        loop {
            match self.peek_or_null() {
                b'0'..=b'9' => {
                    self.index += 1;
                    exponent += 1;
                }
                b'.' => return self.decimal(positive, significand, exponent),
                b'e' | b'E' => return self.exponent(positive, significand, exponent),
                _ => return self.f64_from_parts(positive, significand, exponent),
            }
        }
    }

    fn decimal(&mut self, positive: bool, mut significand: u64, before_point: i32) -> Parsed<f64> {
        self.index += 1;
        let mut after_point = 0;
        while let c @ b'0'..=b'9' = self.peek_or_null() {
            let digit = u64::from(c - b'0');
            if overflows(significand, digit, u64::MAX, 10) {
                // Further digits are too small to matter: skip them.
                while self.peek_or_null().is_ascii_digit() {
                    self.index += 1;
                }
                let exponent = before_point + after_point;
                return match self.peek_or_null() {
                    b'e' | b'E' => self.exponent(positive, significand, exponent),
                    _ => self.f64_from_parts(positive, significand, exponent),
                };
            }
            self.index += 1;
            significand = significand * 10 + digit;
            after_point -= 1;
        }
        if after_point == 0 {
            return Err(match self.peek() {
                Some(_) => self.peek_error(Code::InvalidNumber),
                None => self.peek_error(Code::EofWhileParsingValue),
            });
        }
        let exponent = before_point + after_point;
        match self.peek_or_null() {
            b'e' | b'E' => self.exponent(positive, significand, exponent),
            _ => self.f64_from_parts(positive, significand, exponent),
        }
    }

    fn exponent(&mut self, positive: bool, significand: u64, starting: i32) -> Parsed<f64> {
        self.index += 1;
        let positive_exp = match self.peek_or_null() {
            b'+' => {
                self.index += 1;
                true
            }
            b'-' => {
                self.index += 1;
                false
            }
            _ => true,
        };
        let mut exp = match self.next() {
            None => return Err(self.error(Code::EofWhileParsingValue)),
            Some(c @ b'0'..=b'9') => i32::from(c - b'0'),
            Some(_) => return Err(self.error(Code::InvalidNumber)),
        };
        while let c @ b'0'..=b'9' = self.peek_or_null() {
            self.index += 1;
            let digit = i32::from(c - b'0');
            if overflows(exp, digit, i32::MAX, 10) {
                // Infinite unless the number is zero or the exponent negative.
                if significand != 0 && positive_exp {
                    return Err(self.error(Code::NumberOutOfRange));
                }
                while self.peek_or_null().is_ascii_digit() {
                    self.index += 1;
                }
                return Ok(if positive { 0.0 } else { -0.0 });
            }
            exp = exp * 10 + digit;
        }
        let exponent = if positive_exp {
            starting.saturating_add(exp)
        } else {
            starting.saturating_sub(exp)
        };
        self.f64_from_parts(positive, significand, exponent)
    }

    /// `significand × 10^exponent` as serde_json computes it (one multiplication or division
    /// by a power of ten), refusing what overflows.
    fn f64_from_parts(
        &mut self,
        positive: bool,
        significand: u64,
        mut exponent: i32,
    ) -> Parsed<f64> {
        let mut f = significand as f64;
        loop {
            let abs = exponent.unsigned_abs();
            if abs <= 308 {
                if exponent >= 0 {
                    f *= pow10(abs);
                    if f.is_infinite() {
                        return Err(self.error(Code::NumberOutOfRange));
                    }
                } else {
                    f /= pow10(abs);
                }
                break;
            }
            if f == 0.0 {
                break;
            }
            if exponent >= 0 {
                return Err(self.error(Code::NumberOutOfRange));
            }
            f /= 1e308;
            exponent += 308;
        }
        Ok(if positive { f } else { -f })
    }
}

fn float(f: f64) -> Value {
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

/// `10^n` rounded to the nearest `f64` (ties to even), as the literal `1en` is, for n ≤ 308.
/// Computed instead of tabled (serde_json keeps a 309-entry table): payloads rarely have a
/// number with a fraction or an exponent, and the table would weigh more than this code.
fn pow10(n: u32) -> f64 {
    if n <= 22 {
        // Every power of ten up to 10^22 is exact in an f64, so these products are too.
        return (0..n).fold(1.0, |f, _| f * 10.0);
    }
    // 10^n = 5^n · 2^n: round 5^n (little-endian 32-bit limbs) to 53 bits, then scale exactly.
    let mut limbs: Vec<u32> = vec![1];
    for _ in 0..n {
        let mut carry = 0u64;
        for limb in &mut limbs {
            let product = u64::from(*limb) * 5 + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            limbs.push(carry as u32);
        }
    }
    let top = limbs.len() - 1;
    let bits = top as u32 * 32 + (32 - limbs[top].leading_zeros());
    // The top 64 bits, and whether any bit below them is set.
    let shift = bits.saturating_sub(64);
    let bit = |i: u32| (limbs[(i / 32) as usize] >> (i % 32)) & 1 == 1;
    let mut high = 0u64;
    for i in (shift..bits).rev() {
        high = high << 1 | u64::from(bit(i));
    }
    let sticky = (0..shift).any(bit);
    let lead = 64 - high.leading_zeros();
    let drop = lead.saturating_sub(53);
    let mut mantissa = high >> drop;
    let rest = high & ((1u64 << drop) - 1);
    let half = 1u64 << drop >> 1;
    if drop > 0 && (rest > half || (rest == half && (sticky || mantissa & 1 == 1))) {
        mantissa += 1;
    }
    let scale = shift + drop + n;
    mantissa as f64 * f64::from_bits(u64::from(scale + 1023) << 52)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers_of_ten_are_the_literals() {
        for n in 0..=308 {
            let literal: f64 = format!("1e{n}").parse().unwrap();
            assert_eq!(pow10(n), literal, "10^{n}");
        }
    }

    #[test]
    fn errors_read_like_serde_json() {
        let e = from_str("{\n  \"a\": 1,\n}").unwrap_err();
        assert_eq!(e.to_string(), "trailing comma at line 3 column 1");
        assert_eq!(e.classify(), Category::Syntax);
        let e = from_str("[1, 2").unwrap_err();
        assert_eq!(e.to_string(), "EOF while parsing a list at line 1 column 5");
        assert!(e.is_eof());
    }
}
