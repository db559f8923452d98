/// Text from the input (queue names, service names, the time zone, the page
/// title) made safe to place in the HTML page, as element content or as an
/// attribute value.
enum HTMLText {
    /// `text` with control characters replaced (``DisplayName/sanitized(_:maxWidth:)``:
    /// they are not even valid in XML, which the inline SVG must be) and every
    /// character that HTML or SVG could read as markup written as a reference.
    /// `/` is escaped too, so that no name can form `//` (a protocol-relative
    /// URL to a checker) or a closing tag.
    static func escaped(_ text: String) -> String {
        var escaped = ""
        for character in DisplayName.sanitized(text) {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "/": escaped += "&#47;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
