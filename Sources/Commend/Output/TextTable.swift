/// Columns aligned by display width (characters, so Vietnamese text with
/// diacritics lines up), in plain text, Markdown or HTML.
public struct TextTable {
    /// The column titles.
    public var header: [String]
    /// The rows, each with one cell per column.
    public var rows: [[String]] = []
    /// Columns aligned right (numbers).
    public var numeric: Set<Int> = []

    /// An empty table with these columns; `numeric` columns are aligned right.
    public init(_ header: [String], numeric: Set<Int> = []) {
        self.header = header
        self.numeric = numeric
    }

    /// Appends a row.
    public mutating func add(_ row: [String]) { rows.append(row) }

    static func width(_ s: String) -> Int {
        s.precomposedStringWithCanonicalMapping.unicodeScalars.reduce(0) { n, scalar in
            // Combining marks take no room.
            (0x300...0x36F).contains(scalar.value) ? n : n + 1
        }
    }

    /// Cells with control characters made visible (`Terminal.line`).
    public func plain(indent: String = "  ") -> String {
        let header = header.map(Terminal.line)
        let rows = rows.map { $0.map(Terminal.line) }
        var widths = header.map(TextTable.width)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], TextTable.width(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[i] - TextTable.width(cell)))
                parts.append(numeric.contains(i) ? pad + cell : (i == cells.count - 1 ? cell : cell + pad))
            }
            return indent + parts.joined(separator: "  ")
        }
        var out = [line(header), indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    /// Cells are escaped as HTML (Markdown passes HTML through) and `|` is
    /// escaped; control characters are made visible.
    public func markdown() -> String {
        func escape(_ s: String) -> String { Markdown.escape(s).replacingOccurrences(of: "|", with: "\\|") }
        var out = "| " + header.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        return out
    }

    /// The table as an HTML `<table>`, text escaped.
    public func html() -> String {
        var out = "<table>\n<thead><tr>" + header.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>" + row.enumerated().map { i, cell in
                numeric.contains(i) ? "<td class=\"n\">\(HTML.escape(cell))</td>" : "<td>\(HTML.escape(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}

enum HTML {
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}

/// Text for Markdown: escaped as HTML (Markdown passes raw HTML through, so
/// a name `<script>` would run where the Markdown is shown), on one line.
enum Markdown {
    static func escape(_ s: String) -> String { HTML.escape(Terminal.line(s)) }
}
