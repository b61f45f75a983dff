//! The byte-level pieces every compiled file is made of: LEB128 varints, length-prefixed
//! strings, fixed-width bit packing, and the header (magic, format version) each file opens
//! with; and a [`Reader`] that checks every read against the end of the bytes, so that bytes
//! that are not what the compiler wrote give an error, never a panic.

use super::FORMAT_VERSION;

/// CRC-32 (IEEE 802.3: zlib's, PNG's) of `bytes`, a byte at a time from a 1 KB table made at
/// compile time. The page checks every file it fetches with it; the `crc32fast` crate would
/// add 16 KB of tables to the page's wasm for speed it does not need (a 300 KB file checks
/// in about a millisecond).
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    crc32_continue(0, bytes)
}

/// The CRC-32 of what gave `crc`, followed by `bytes`.
pub(crate) fn crc32_continue(crc: u32, bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !bytes.iter().fold(!crc, |c, &b| TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8))
}

/// Appends values to a file being written.
#[derive(Default)]
pub(crate) struct Writer {
    pub(crate) bytes: Vec<u8>,
}

impl Writer {
    /// A file that opens with `magic` and the format version.
    pub(crate) fn file(magic: &[u8; 4]) -> Writer {
        let mut w = Writer::default();
        w.bytes.extend_from_slice(magic);
        w.bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        w
    }

    pub(crate) fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }

    pub(crate) fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.bytes.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.bytes.push(v as u8);
    }

    pub(crate) fn usize(&mut self, v: usize) {
        self.varint(v as u64);
    }

    pub(crate) fn bool(&mut self, v: bool) {
        self.u8(u8::from(v));
    }

    pub(crate) fn f64(&mut self, v: f64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn u32_le(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }

    pub(crate) fn opt_str(&mut self, s: Option<&str>) {
        self.bool(s.is_some());
        if let Some(s) = s {
            self.str(s);
        }
    }

    pub(crate) fn strs(&mut self, list: &[String]) {
        self.usize(list.len());
        for s in list {
            self.str(s);
        }
    }

    /// `values`, each below 2^`width`, in `width` bits each (least significant first).
    pub(crate) fn packed(&mut self, values: impl IntoIterator<Item = u64>, width: u32) {
        let (mut acc, mut bits) = (0u128, 0u32);
        for v in values {
            acc |= u128::from(v) << bits;
            bits += width;
            while bits >= 8 {
                self.bytes.push(acc as u8);
                acc >>= 8;
                bits -= 8;
            }
        }
        if bits > 0 {
            self.bytes.push(acc as u8);
        }
    }
}

/// Bits needed to write every value up to `max`.
pub(crate) fn width(max: u64) -> u32 {
    64 - max.leading_zeros()
}

/// Reads values back, failing with a message (the caller adds the file name) on bytes that
/// run out or do not decode.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

pub(crate) type Read<T> = Result<T, String>;

impl<'a> Reader<'a> {
    /// A reader past the header of a file that must open with `magic` and this reader's
    /// format version.
    pub(crate) fn file(bytes: &'a [u8], magic: &[u8; 4]) -> Read<Reader<'a>> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4).ok() != Some(&magic[..]) {
            return Err(format!(
                "not a compiled factdeck file of this kind (expected it to start with {:?})",
                String::from_utf8_lossy(magic)
            ));
        }
        let version = u16::from_le_bytes([r.u8()?, r.u8()?]);
        if version != FORMAT_VERSION {
            return Err(format!("format version {version}, but this reader reads version {FORMAT_VERSION}: compile the dataset again"));
        }
        Ok(r)
    }

    pub(crate) fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }

    /// Fails unless every byte has been read.
    pub(crate) fn end(&self) -> Read<()> {
        if self.is_done() {
            Ok(())
        } else {
            Err(format!("{} unexpected bytes at the end", self.bytes.len() - self.at))
        }
    }

    fn take(&mut self, n: usize) -> Read<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or("ends too early (truncated?)")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    pub(crate) fn u8(&mut self) -> Read<u8> {
        Ok(self.take(1)?[0])
    }

    pub(crate) fn varint(&mut self) -> Read<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err("a number is longer than 64 bits".to_owned())
    }

    pub(crate) fn u32(&mut self) -> Read<u32> {
        u32::try_from(self.varint()?).map_err(|_| "a number is out of range".to_owned())
    }

    pub(crate) fn usize(&mut self) -> Read<usize> {
        usize::try_from(self.varint()?).map_err(|_| "a number is out of range".to_owned())
    }

    /// A count of items that take at least one byte each: never more than the bytes left,
    /// so that a bad count cannot make a reader allocate more than the file.
    pub(crate) fn count(&mut self) -> Read<usize> {
        let n = self.usize()?;
        if n > self.bytes.len() - self.at {
            return Err(format!("a count of {n} is more than the bytes left"));
        }
        Ok(n)
    }

    pub(crate) fn bool(&mut self) -> Read<bool> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            b => Err(format!("{b} is not a boolean")),
        }
    }

    pub(crate) fn f64(&mut self) -> Read<f64> {
        Ok(f64::from_le_bytes(self.take(8)?.try_into().map_err(|_| "short f64")?))
    }

    pub(crate) fn u32_le(&mut self) -> Read<u32> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().map_err(|_| "short u32")?))
    }

    pub(crate) fn bytes(&mut self, n: usize) -> Read<&'a [u8]> {
        self.take(n)
    }

    pub(crate) fn str(&mut self) -> Read<String> {
        let n = self.usize()?;
        let bytes = self.take(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| "a text is not UTF-8".to_owned())
    }

    pub(crate) fn opt_str(&mut self) -> Read<Option<String>> {
        Ok(if self.bool()? { Some(self.str()?) } else { None })
    }

    pub(crate) fn strs(&mut self) -> Read<Vec<String>> {
        let n = self.count()?;
        (0..n).map(|_| self.str()).collect()
    }

    /// `n` values of `width` bits each, as [`Writer::packed`] wrote them, read as they are
    /// iterated: a million facts' sector bits would take 96 MB as a `Vec<u64>`.
    pub(crate) fn packed(&mut self, n: usize, width: u32) -> Read<Packed<'a>> {
        if width > 64 {
            return Err(format!("a bit width of {width}"));
        }
        let bits = n.checked_mul(width as usize).ok_or("too many packed values")?;
        let bytes = self.take(bits.div_ceil(8))?;
        Ok(Packed { bytes: bytes.iter(), acc: 0, bits: 0, width, left: n })
    }
}

/// Values read from [`Reader::packed`]'s bytes, which hold them all.
pub(crate) struct Packed<'a> {
    bytes: std::slice::Iter<'a, u8>,
    /// Bits read but not yet returned: `bits` of them, at most 63. A u64 rather than a
    /// u128, which the wasm has no instructions for (a large dataset's start-up reads
    /// several hundred thousand values).
    acc: u64,
    bits: u32,
    width: u32,
    left: usize,
}

impl Packed<'_> {
    /// The next `n` bits (`n` ≤ 56, so that the accumulator never overflows).
    #[inline]
    fn take(&mut self, n: u32) -> u64 {
        while self.bits < n {
            // The bytes were taken for exactly `left` values: they do not run out.
            self.acc |= u64::from(self.bytes.next().copied().unwrap_or(0)) << self.bits;
            self.bits += 8;
        }
        let v = self.acc & ((1u64 << n) - 1);
        self.acc >>= n;
        self.bits -= n;
        v
    }
}

impl Iterator for Packed<'_> {
    type Item = u64;

    #[inline]
    fn next(&mut self) -> Option<u64> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        Some(match self.width {
            0 => 0,
            w @ 1..=56 => self.take(w),
            w => self.take(32) | self.take(w - 32) << 32,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn crc32_is_the_ieee_checksum_every_tool_computes() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926, "the standard check value");
        assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
        assert_ne!(crc32(b"post-0001.bin"), crc32(b"post-0002.bin"));
        assert_eq!(crc32_continue(crc32(b"12345"), b"6789"), 0xCBF4_3926, "continued where it stopped");
    }

    use super::*;

    #[test]
    fn values_read_back_as_written() {
        let mut w = Writer::file(b"TEST");
        w.varint(0);
        w.varint(300);
        w.varint(u64::MAX);
        w.str("Gəncə");
        w.opt_str(None);
        w.packed([5, 0, 7, 3, 1], 3);
        w.packed([u64::MAX, 1], 64);
        let mut r = Reader::file(&w.bytes, b"TEST").unwrap();
        assert_eq!((r.varint(), r.varint(), r.varint()), (Ok(0), Ok(300), Ok(u64::MAX)));
        assert_eq!((r.str(), r.opt_str()), (Ok("Gəncə".to_owned()), Ok(None)));
        assert_eq!(r.packed(5, 3).map(Iterator::collect::<Vec<_>>), Ok(vec![5, 0, 7, 3, 1]));
        assert_eq!(r.packed(2, 64).map(Iterator::collect::<Vec<_>>), Ok(vec![u64::MAX, 1]));
        assert_eq!(r.end(), Ok(()));
    }

    #[test]
    fn packed_values_of_every_width_read_back_as_written() {
        for width in 0..=64u32 {
            let max = if width == 64 { u64::MAX } else { (1u64 << width) - 1 };
            let values: Vec<u64> = (0..37u64).map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15) & max).chain([max, 0, max]).collect();
            let mut w = Writer::file(b"TEST");
            w.packed(values.iter().copied(), width);
            w.varint(7);
            let mut r = Reader::file(&w.bytes, b"TEST").unwrap();
            assert_eq!(r.packed(values.len(), width).map(Iterator::collect::<Vec<_>>), Ok(values), "width {width}");
            assert_eq!(r.varint(), Ok(7), "the values take whole bytes and no more (width {width})");
            assert_eq!(r.end(), Ok(()));
        }
    }

    #[test]
    fn short_or_foreign_bytes_are_errors() {
        let mut w = Writer::file(b"TEST");
        w.str("a longer text");
        let cut = &w.bytes[..w.bytes.len() - 3];
        let mut r = Reader::file(cut, b"TEST").unwrap();
        assert!(r.str().unwrap_err().contains("truncated"));
        assert!(Reader::file(&w.bytes, b"OTHR").is_err());
        let mut future = w.bytes.clone();
        future[4] = 99;
        assert!(Reader::file(&future, b"TEST").err().unwrap().contains("format version 99"));
        let mut huge = Writer::default();
        huge.varint(1 << 40);
        assert!(Reader { bytes: &huge.bytes, at: 0 }.count().is_err(), "a count beyond the bytes left");
    }
}
