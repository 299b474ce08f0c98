//! The two forms of text the engine reads: UTF-16 code units and UTF-8.

use std::borrow::Cow;

use super::utf16::{CodePoints, Utf8CodePoints};

mod sealed {
    pub trait Sealed {}
    impl Sealed for [u16] {}
    impl Sealed for Vec<u16> {}
    impl Sealed for str {}
    impl Sealed for String {}
}

/// Text the segment engine can read: UTF-16 code units (`[u16]`, the form of a JavaScript
/// string, lone surrogates included) or UTF-8 (`str`). Every index the engine reports is
/// a UTF-16 index, whichever form it read.
pub trait Text: sealed::Sealed {
    /// Length in UTF-16 code units.
    fn utf16_len(&self) -> usize;

    /// The text as UTF-16 code units.
    fn to_utf16(&self) -> Cow<'_, [u16]>;

    /// `(utf16 index, code point, utf16 length)` of each character. A lone surrogate is
    /// its own code unit, of length 1.
    #[doc(hidden)]
    fn chars16(&self) -> impl Iterator<Item = (usize, u32, u8)> + '_;

    /// Whether the text has no characters (without measuring it).
    #[doc(hidden)]
    fn is_void(&self) -> bool;

    /// The bytes of an all-ASCII text, for the fast path (one byte = one UTF-16 unit).
    #[doc(hidden)]
    fn as_ascii(&self) -> Option<&[u8]> {
        None
    }

    /// `(UTF-16 length, whether it holds a surrogate pair)`: the UCS-2 scan.
    #[doc(hidden)]
    fn utf16_shape(&self) -> (usize, bool) {
        self.chars16().fold((0, false), |(n, pairs), (_, _, len)| {
            (n + usize::from(len), pairs || len == 2)
        })
    }
}

impl Text for [u16] {
    fn utf16_len(&self) -> usize {
        self.len()
    }

    fn is_void(&self) -> bool {
        self.is_empty()
    }

    fn to_utf16(&self) -> Cow<'_, [u16]> {
        Cow::Borrowed(self)
    }

    fn chars16(&self) -> impl Iterator<Item = (usize, u32, u8)> + '_ {
        CodePoints::new(self)
    }
}

impl Text for Vec<u16> {
    fn utf16_len(&self) -> usize {
        self.as_slice().utf16_len()
    }

    fn is_void(&self) -> bool {
        self.is_empty()
    }

    fn to_utf16(&self) -> Cow<'_, [u16]> {
        self.as_slice().to_utf16()
    }

    fn chars16(&self) -> impl Iterator<Item = (usize, u32, u8)> + '_ {
        self.as_slice().chars16()
    }
}

impl Text for str {
    fn utf16_len(&self) -> usize {
        self.utf16_shape().0
    }

    fn is_void(&self) -> bool {
        self.is_empty()
    }

    fn utf16_shape(&self) -> (usize, bool) {
        // Every character starts with one non-continuation byte; a 4-byte one (F0..F4) is an
        // astral character, a surrogate pair in UTF-16.
        let (mut chars, mut astral) = (0, 0);
        for &b in self.as_bytes() {
            chars += usize::from(b & 0xC0 != 0x80);
            astral += usize::from(b >= 0xF0);
        }
        (chars + astral, astral > 0)
    }

    fn to_utf16(&self) -> Cow<'_, [u16]> {
        Cow::Owned(self.encode_utf16().collect())
    }

    fn as_ascii(&self) -> Option<&[u8]> {
        self.is_ascii().then_some(self.as_bytes())
    }

    fn chars16(&self) -> impl Iterator<Item = (usize, u32, u8)> + '_ {
        Utf8CodePoints::new(self)
    }
}

impl Text for String {
    fn is_void(&self) -> bool {
        self.is_empty()
    }

    fn utf16_shape(&self) -> (usize, bool) {
        self.as_str().utf16_shape()
    }

    fn as_ascii(&self) -> Option<&[u8]> {
        Text::as_ascii(self.as_str())
    }

    fn utf16_len(&self) -> usize {
        self.as_str().utf16_len()
    }

    fn to_utf16(&self) -> Cow<'_, [u16]> {
        self.as_str().to_utf16()
    }

    fn chars16(&self) -> impl Iterator<Item = (usize, u32, u8)> + '_ {
        self.as_str().chars16()
    }
}
