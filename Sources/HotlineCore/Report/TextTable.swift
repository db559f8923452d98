/// Lays out rows of text cells in aligned columns, the way `kubectl get` and
/// `psql` do: every column as wide as its widest cell (counted in characters),
/// two spaces between columns, no trailing spaces.
package struct TextTable {
    package enum Alignment {
        case left
        case right
    }

    package var alignments: [Alignment]
    package var rows: [[String]] = []

    package init(_ alignments: [Alignment]) {
        self.alignments = alignments
    }

    package mutating func append(_ cells: [String]) {
        precondition(cells.count == alignments.count, "a row must have one cell per column")
        rows.append(cells)
    }

    /// One line per row, in order, each starting with `indent`.
    package func lines(indent: String = "") -> [String] {
        let widths = alignments.indices.map { column in
            rows.map { $0[column].count }.max() ?? 0
        }
        return rows.map { cells in
            var line = indent
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                if column > 0 { line += "  " }
                switch alignments[column] {
                case .left: line += cell + padding
                case .right: line += padding + cell
                }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
