//! placeholder until the bindings are written
