//! Whether a photo records where it was taken: a GPS field in its EXIF block, read with
//! `kamadak-exif`. (Nothing of EXIF is published, so nothing more is asked of it.)

/// Whether an EXIF block (TIFF, perhaps after `Exif\0\0`) holds GPS data. A block that cannot
/// be read holds none that a reader could find either.
pub fn has_gps(exif: &[u8]) -> bool {
    let tiff = exif.strip_prefix(b"Exif\0\0").unwrap_or(exif);
    ::exif::Reader::new()
        .read_raw(tiff.to_vec())
        .is_ok_and(|e| e.fields().any(|f| f.tag.context() == ::exif::Context::Gps))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A little-endian TIFF whose IFD0 points to a GPS IFD, holding GPSVersionID or nothing.
    fn tiff(with_gps: bool) -> Vec<u8> {
        let mut t = b"II*\0".to_vec();
        t.extend_from_slice(&8u32.to_le_bytes());
        // IFD0: one entry, the GPS IFD's offset (8 + 2 + 12 + 4 = 26).
        t.extend_from_slice(&1u16.to_le_bytes());
        t.extend_from_slice(&0x8825u16.to_le_bytes());
        t.extend_from_slice(&4u16.to_le_bytes()); // LONG
        t.extend_from_slice(&1u32.to_le_bytes());
        t.extend_from_slice(&26u32.to_le_bytes());
        t.extend_from_slice(&0u32.to_le_bytes());
        // The GPS IFD.
        let n: u16 = with_gps.into();
        t.extend_from_slice(&n.to_le_bytes());
        if with_gps {
            t.extend_from_slice(&0u16.to_le_bytes()); // GPSVersionID
            t.extend_from_slice(&1u16.to_le_bytes()); // BYTE
            t.extend_from_slice(&4u32.to_le_bytes());
            t.extend_from_slice(&[2, 3, 0, 0]);
        }
        t.extend_from_slice(&0u32.to_le_bytes());
        t
    }

    #[test]
    fn finds_the_gps_ifd() {
        assert!(has_gps(&tiff(true)));
        let mut prefixed = b"Exif\0\0".to_vec();
        prefixed.extend(tiff(true));
        assert!(has_gps(&prefixed));
        assert!(!has_gps(&tiff(false)));
        assert!(!has_gps(b"Exif\0\0II*\0"));
        assert!(!has_gps(b""));
    }
}
