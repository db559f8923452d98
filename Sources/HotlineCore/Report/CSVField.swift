/// RFC 4180 fields for the CSV report.
package enum CSVField {
    /// `field` as it must appear in a CSV row: quoted, with `"` doubled, when it
    /// holds a comma, a quote, CR or LF; verbatim otherwise, so ordinary
    /// queue names stay readable and spreadsheets still split columns correctly.
    package static func escaped(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
        guard needsQuotes else { return field }
        var quoted = "\""
        for character in field.unicodeScalars {
            if character == "\"" { quoted += "\"" }
            quoted.unicodeScalars.append(character)
        }
        return quoted + "\""
    }

    /// One CSV line: the fields escaped, joined by commas, ending with `\n`.
    package static func line(_ fields: [String]) -> String {
        fields.map(escaped).joined(separator: ",") + "\n"
    }
}
