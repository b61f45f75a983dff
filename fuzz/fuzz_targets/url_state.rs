//! Any address parses without panicking, and what it parses to survives a round trip.
#![no_main]

use factdeck_core::url_state::{parse, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let view = parse(&input);
    assert_eq!(parse(&render(&view)), view);
});
