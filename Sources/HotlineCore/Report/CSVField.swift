/// RFC 4180 fields for the CSV outputs meant for spreadsheets.
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

    /// A text taken from the data (a queue or service name, a file name, a
    /// rejected line) made safe to open in a spreadsheet, as OWASP advises
    /// against CSV injection: a cell that starts with `=`, `+`, `-`, `@`, tab
    /// or CR is a formula to Excel and LibreOffice (`=HYPERLINK(…)`,
    /// `+cmd|…`), so it gets a leading `'`, which shows the text as text.
    /// A text that starts with `'` gets one too, so that a program recovers
    /// every original text by removing one leading `'`. Numbers the writers
    /// produce (a margin of `-0.05`) are not texts and stay as they are.
    package static func neutralised(_ text: String) -> String {
        guard let first = text.utf8.first, startsFormula(first) else { return text }
        return "'" + text
    }

    /// Whether a spreadsheet cell starting with `byte` needs the leading `'`
    /// of ``neutralised(_:)``.
    package static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D, UInt8(ascii: "'"): true
        default: false
        }
    }
}
