//! graphwiz-emulator (being written).
