//! A check that a text reads German: the English function words it contains ("the", "is",
//! "with", …), outside URLs, commands in backticks and option names. The German catalog's texts
//! never need them, so a German run that shows one has shown a text that did not come from the
//! German catalog. Used by the tests that walk every scenario in German (CLI and app).

/// English function words that no German sentence uses (words both languages share, such as
/// "in", "an", "was", "die" or "IT", are left out).
const ENGLISH: &[&str] = &[
    "the", "is", "are", "were", "not", "and", "with", "your", "this", "that", "could", "would",
    "has", "have", "for", "from", "of", "to", "on", "be", "been", "its", "or", "by", "at", "if",
    "then", "than", "which", "what", "when", "there", "their", "does", "did", "only", "should",
    "must", "into", "after", "before", "because", "here", "every", "each", "yet", "please",
];

/// The English function words in `text` (each once, in order of appearance), ignoring URLs,
/// `code in backticks`, „quoted“ words (labels and messages quoted as Microsoft or Genesys Cloud
/// show them) and `--options`.
pub fn english_words(text: &str) -> Vec<String> {
    let mut cleaned = String::with_capacity(text.len());
    let (mut in_code, mut in_quote) = (false, false);
    for ch in text.chars() {
        match ch {
            '`' => {
                in_code = !in_code;
                cleaned.push(' ');
            }
            '„' => {
                in_quote = true;
                cleaned.push(' ');
            }
            '“' if in_quote => {
                in_quote = false;
                cleaned.push(' ');
            }
            _ if !in_code && !in_quote => cleaned.push(ch),
            _ => {}
        }
    }
    let mut found: Vec<String> = Vec::new();
    for token in cleaned.split_whitespace() {
        if token.contains("://") || token.starts_with('-') || token.contains('@') {
            continue;
        }
        let word: String = token
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        // Only plain lower-case words: "OR" in a filter or "To" as a column name are names.
        if word.is_empty() || word.chars().any(|c| !c.is_ascii_lowercase()) {
            continue;
        }
        if ENGLISH.contains(&word.as_str()) && !found.contains(&word) {
            found.push(word);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_english_and_passes_german() {
        assert_eq!(
            english_words("The secret is not valid."),
            vec!["is".to_string(), "not".to_string()]
        );
        assert!(english_words(
            "Öffnen Sie https://portal.azure.com/#view/x?for=the und führen Sie `graphwiz check --profile the` aus; die IT hilft."
        )
        .is_empty());
        assert!(english_words("Das Postfach ist nicht erreichbar: Mail.Send fehlt.").is_empty());
    }
}
