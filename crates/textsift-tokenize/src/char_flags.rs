// The flag bits of the character-class table and the order of the general-category table (see
// `build.rs`). Included by `build.rs`, which fills the tables, and by `chars.rs`, which reads
// them, so the two cannot disagree. Both need `GeneralCategory` in scope.

/// `\p{L}` (general category group Letter, from `unicode-properties`).
const LETTER: u8 = 1;
/// `\p{M}` (group Mark).
const MARK: u8 = 1 << 1;
/// `\p{N}` (group Number).
const NUMBER: u8 = 1 << 2;
/// `\p{P}` (group Punctuation).
const PUNCTUATION: u8 = 1 << 3;
/// `char::is_alphabetic` (the derived `Alphabetic` property, from `std`).
const ALPHABETIC: u8 = 1 << 4;
/// `char::is_numeric` (from `std`).
const NUMERIC: u8 = 1 << 5;
/// `Emoji=Yes` (`unicode-properties`).
const EMOJI: u8 = 1 << 6;

/// The general categories, in the order of their numbers in the category table.
const CATEGORIES: [GeneralCategory; 30] = [
    GeneralCategory::UppercaseLetter,
    GeneralCategory::LowercaseLetter,
    GeneralCategory::TitlecaseLetter,
    GeneralCategory::ModifierLetter,
    GeneralCategory::OtherLetter,
    GeneralCategory::NonspacingMark,
    GeneralCategory::SpacingMark,
    GeneralCategory::EnclosingMark,
    GeneralCategory::DecimalNumber,
    GeneralCategory::LetterNumber,
    GeneralCategory::OtherNumber,
    GeneralCategory::ConnectorPunctuation,
    GeneralCategory::DashPunctuation,
    GeneralCategory::OpenPunctuation,
    GeneralCategory::ClosePunctuation,
    GeneralCategory::InitialPunctuation,
    GeneralCategory::FinalPunctuation,
    GeneralCategory::OtherPunctuation,
    GeneralCategory::MathSymbol,
    GeneralCategory::CurrencySymbol,
    GeneralCategory::ModifierSymbol,
    GeneralCategory::OtherSymbol,
    GeneralCategory::SpaceSeparator,
    GeneralCategory::LineSeparator,
    GeneralCategory::ParagraphSeparator,
    GeneralCategory::Control,
    GeneralCategory::Format,
    GeneralCategory::Surrogate,
    GeneralCategory::PrivateUse,
    GeneralCategory::Unassigned,
];
