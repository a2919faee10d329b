//! Just enough of EXIF to tell whether a photo records where it was taken: the GPS IFD that
//! IFD0's tag 0x8825 points to, holding at least one entry. (Nothing of EXIF is published, so
//! nothing more is read.)

/// Whether an EXIF block (TIFF, perhaps after `Exif\0\0`) holds GPS data.
pub fn has_gps(exif: &[u8]) -> bool {
    let tiff = exif.strip_prefix(b"Exif\0\0").unwrap_or(exif);
    gps_entries(tiff).is_some_and(|n| n > 0)
}

fn gps_entries(tiff: &[u8]) -> Option<u16> {
    let little = match tiff.get(..2)? {
        b"II" => true,
        b"MM" => false,
        _ => return None,
    };
    let u16_at = |at: usize| {
        let b: [u8; 2] = tiff.get(at..at + 2)?.try_into().ok()?;
        Some(if little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    };
    let u32_at = |at: usize| {
        let b: [u8; 4] = tiff.get(at..at + 4)?.try_into().ok()?;
        Some(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let ifd0 = u32_at(4)? as usize;
    let count = u16_at(ifd0)? as usize;
    for i in 0..count {
        let entry = ifd0 + 2 + i * 12;
        if u16_at(entry)? == 0x8825 {
            let gps = u32_at(entry + 8)? as usize;
            return u16_at(gps);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A little-endian TIFF whose IFD0 points to a GPS IFD of `n` entries.
    fn tiff(n: u16) -> Vec<u8> {
        let mut t = b"II*\0".to_vec();
        t.extend_from_slice(&8u32.to_le_bytes());
        t.extend_from_slice(&1u16.to_le_bytes());
        t.extend_from_slice(&0x8825u16.to_le_bytes());
        t.extend_from_slice(&4u16.to_le_bytes());
        t.extend_from_slice(&1u32.to_le_bytes());
        t.extend_from_slice(&26u32.to_le_bytes());
        t.extend_from_slice(&0u32.to_le_bytes());
        t.extend_from_slice(&n.to_le_bytes());
        t
    }

    #[test]
    fn finds_the_gps_ifd() {
        assert!(has_gps(&tiff(3)));
        assert!(!has_gps(&tiff(0)));
        assert!(!has_gps(b"Exif\0\0II*\0"));
        assert!(!has_gps(b""));
    }
}
