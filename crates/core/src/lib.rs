//! graphwiz-core
