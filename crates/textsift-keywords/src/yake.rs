//! YAKE (placeholder until the implementation lands).
