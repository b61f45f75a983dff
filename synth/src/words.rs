//! Word-level helpers the templates share: "a" written "an" before a vowel, a capital first
//! letter, and a fact's id made from its title.

/// `s` with "a" before a vowel written "an" ("an investment fund").
pub fn articles(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut words = s.split(' ').peekable();
    while let Some(w) = words.next() {
        let vowel_next = words.peek().is_some_and(|n| n.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']));
        match w {
            "a" if vowel_next => out.push_str("an"),
            "A" if vowel_next => out.push_str("An"),
            _ => out.push_str(w),
        }
        if words.peek().is_some() {
            out.push(' ');
        }
    }
    out
}

/// `s` with its first letter capitalised.
pub fn cap(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A unique slug: up to six words of the title, then the fact's number.
pub fn fact_id(title: &str, i: usize) -> String {
    let mut slug = String::new();
    let mut words = 0;
    let mut gap = false;
    for c in title.chars() {
        let mapped = match c {
            'ə' | 'Ə' => Some('e'),
            'ş' | 'Ş' => Some('s'),
            'ç' | 'Ç' => Some('c'),
            'ğ' | 'Ğ' => Some('g'),
            'ö' | 'Ö' => Some('o'),
            'ü' | 'Ü' => Some('u'),
            'ı' | 'İ' => Some('i'),
            'ʻ' | '’' | '\'' => continue,
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        };
        match mapped {
            Some(m) => {
                if gap && !slug.is_empty() {
                    if words == 5 {
                        break;
                    }
                    slug.push('-');
                    words += 1;
                }
                gap = false;
                slug.push(m);
            }
            None => gap = true,
        }
    }
    slug.truncate(60);
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("fact-{i}")
    } else {
        format!("{slug}-{i}")
    }
}

#[cfg(test)]
mod tests {
    use super::{articles, cap, fact_id};

    #[test]
    fn fact_ids_are_slugs() {
        assert_eq!(fact_id("Gəncə hosts Şəki's Oʻzbekiston fair, Qoʻqon and more", 7), "gence-hosts-sekis-ozbekiston-fair-qoqon-7");
        assert_eq!(fact_id("€5 — !", 3), "5-3");
        assert_eq!(fact_id("—", 3), "fact-3");
    }

    #[test]
    fn an_before_a_vowel_and_a_capital_first_letter() {
        assert_eq!(articles("a investment fund and a cement plant"), "an investment fund and a cement plant");
        assert_eq!(articles("A agreement"), "An agreement");
        assert_eq!(cap("şəki silk mill"), "Şəki silk mill");
        assert_eq!(cap(""), "");
    }
}
