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
/// In a script whose words UAX #29 segments by its own rules ([`in_uax29_script`]).
const UAX29_SCRIPT: u8 = 1 << 7;

/// Ideographs, kana, and the Southeast Asian scripts written without spaces: the `social`
/// scanner lets `unicode-segmentation` (UAX #29) split words in these, as the `unicode` mode does.
#[allow(dead_code)] // read by `build.rs`, and by `chars.rs`' test
const fn in_uax29_script(cp: u32) -> bool {
    matches!(cp,
        0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x1A20..=0x1AAF | 0xAA60..=0xAADF
        | 0x2E80..=0x2FDF | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3038..=0x303C | 0x3040..=0x30FF
        | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F
        | 0x20000..=0x3FFFF)
}

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
