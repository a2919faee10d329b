#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| anslag::fuzzing::image_decode(data));
