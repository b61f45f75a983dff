//! Source addresses: which `url` values the validator accepts, so that a source link the
//! page renders is an http(s) link and nothing else.

/// An absolute `http://` or `https://` address with a real host: a scheme (any case), a
/// host name of letters, digits, hyphens and dots (non-ASCII letters allowed, as in
/// internationalised names) or a bracketed IPv6 address, an optional port, then a path,
/// query and fragment made of URL characters only. Quotes, angle brackets, backslashes,
/// whitespace and other characters a URL must escape are refused, so a source link is a
/// link and nothing else.
pub fn is_http_url(url: &str) -> bool {
    let lower = url.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    // The host, then an optional `:port`.
    let split = if authority.starts_with('[') { authority.find(']').map(|i| i + 1) } else { authority.find(':').or(Some(authority.len())) };
    let Some(split) = split else { return false };
    let (host, port) = authority.split_at(split);
    let port_ok =
        port.is_empty() || port.strip_prefix(':').is_some_and(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    let host_ok = if let Some(ip6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !ip6.is_empty() && ip6.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    } else {
        !host.is_empty()
            && host.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
    };
    host_ok && port_ok && tail.chars().all(is_url_char)
}

/// A character that may appear unescaped in a URL's path, query or fragment (RFC 3986's
/// unreserved and reserved characters and `%`), or any non-ASCII letter or mark, as
/// browsers accept in addresses typed or pasted as text (IRIs).
fn is_url_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
    } else {
        !c.is_whitespace() && !c.is_control()
    }
}

#[cfg(test)]
mod tests {
    use super::is_http_url;

    #[test]
    fn real_source_addresses_are_http_urls() {
        for url in [
            "https://en.trend.az/azerbaijan/politics/4054123.html",
            "http://example.com",
            "HTTPS://Example.COM/",
            "https://example.com:8443/a/b?c=d&e=f#g",
            "https://example.com/search?q=caf%C3%A9",
            "https://xn--80ak6aa92e.com/",
            "https://президент.рф/новости",
            "https://uz.wikipedia.org/wiki/Oʻzbekiston",
            "http://[2001:db8::1]:8080/path",
            "https://a.b/(x)_[y]!$&'*+,;=~@",
        ] {
            assert!(is_http_url(url), "{url}");
        }
    }

    #[test]
    fn addresses_that_could_break_out_of_a_link_or_are_not_http_are_refused() {
        for url in [
            "http://\"onmouseover=alert(1)",
            "https://example.com/\"onmouseover=alert(1)",
            "https://example.com/<script>",
            "https://example.com/a b",
            "https://example.com/a\\b",
            "https://exa mple.com/",
            "https://",
            "https:///path",
            "https://:80/",
            "https://example.com:/",
            "https://example.com:123456/",
            "https://user:pass@example.com/",
            "https://-bad-.com/",
            "https://a..b/",
            "javascript:alert(1)",
            "JaVaScRiPt://example.com/%0Aalert(1)",
            "ftp://example.com/",
            "//example.com/",
            "https://example.com/`x`",
            "https://example.com/{x}",
            "https://example.com/\u{0007}",
            "",
        ] {
            assert!(!is_http_url(url), "{url:?}");
        }
    }
}
