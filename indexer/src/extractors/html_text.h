// HTML to plain text, shared by the HTML handler and the email handler (for
// HTML bodies). Private to indexer/.
#pragma once

#include <string>
#include <string_view>

#include "extractor.h"

namespace akte::indexer {

// The visible text of the HTML document `html` (raw bytes), in UTF-8: no
// script, style, template or noscript content, entities decoded, block
// elements (p, div, br, li, tr, h1-h6, ...) as line breaks, cells separated
// by tabs. The encoding is a BOM's, else `charset_hint` (a transport's
// declaration, e.g. an email part's charset; "" for none), else the
// document's <meta> declaration, else detected; a declaration the bytes
// contradict (valid UTF-8 declared as Latin-1, invalid UTF-8 declared as
// UTF-8) loses to the bytes. When `metadata` is not null, fills its title,
// author, subject (meta description), keywords and language where the
// document states them. Never fetches anything; thread-safe.
std::string HtmlToText(std::string_view html, std::string_view charset_hint, Metadata* metadata);

// The charset HtmlToText reads `html` in (an iconv name).
std::string HtmlCharset(std::string_view html, std::string_view charset_hint);

}  // namespace akte::indexer
