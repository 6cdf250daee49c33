import Commend
import Foundation
import ZIPFoundation

/// An Office Open XML workbook (xlsx): sheets of typed cells, each with a
/// bold header row that stays frozen and set column widths. Numbers are
/// stored as numbers and dates as date serials with a dd/mm/yyyy format, so
/// that a spreadsheet sums and sorts them. The zip container is ZIPFoundation's.
struct Workbook {
    enum Cell {
        case text(String)
        case number(Double)
        /// `YYYY-MM-DD`.
        case date(String)
        case empty
    }
    struct Column {
        var header: String
        /// In characters, as spreadsheets measure widths.
        var width: Double
    }
    struct Sheet {
        var name: String
        var columns: [Column]
        var rows: [[Cell]]
    }

    private(set) var sheets: [Sheet] = []

    /// Adds a sheet; its name is made valid (no `[]:*?/\`, at most 31
    /// characters) and unique in the workbook.
    mutating func add(_ sheet: Sheet) {
        var base = String(sheet.name.map { "[]:*?/\\".contains($0) ? "-" : $0 }).trimmingCharacters(in: .whitespaces)
        if base.isEmpty { base = "Sheet" }
        var name = Self.shortened(base, to: 31)
        var n = 2
        while sheets.contains(where: { $0.name.lowercased() == name.lowercased() }) {
            let suffix = " (\(n))"
            name = Self.shortened(base, to: 31 - suffix.count) + suffix
            n += 1
        }
        var copy = sheet
        copy.name = name
        sheets.append(copy)
    }

    /// At most `limit` characters: a longer name is cut after a whole word, with "…".
    static func shortened(_ name: String, to limit: Int) -> String {
        guard name.count > limit else { return name }
        let head = name.prefix(limit - 1)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return cut.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)) + "…"
    }

    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func put(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: Self.fixedDate, compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try put("[Content_Types].xml", contentTypes)
        try put("_rels/.rels", rootRelationships)
        try put("xl/workbook.xml", workbook)
        try put("xl/_rels/workbook.xml.rels", workbookRelationships)
        try put("xl/styles.xml", Self.styles)
        for (i, sheet) in sheets.enumerated() {
            try put("xl/worksheets/sheet\(i + 1).xml", Self.worksheet(sheet))
        }
        guard let data = archive.data else { throw EvaluationError("the workbook could not be assembled") }
        return data
    }

    /// Entries carry a fixed time: the same result gives the same bytes.
    static let fixedDate = Date(timeIntervalSince1970: 1_609_459_200)

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    var contentTypes: String {
        Self.header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + sheets.indices.map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined()
            + "</Types>"
    }

    var rootRelationships: String {
        Self.header + "<Relationships xmlns=\"\(Self.packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(Self.officeRelationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>"
    }

    var workbook: String {
        Self.header + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.officeRelationships)\"><sheets>"
            + sheets.enumerated().map { "<sheet name=\"\(XML.escape($1.name))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
            + "</sheets></workbook>"
    }

    var workbookRelationships: String {
        Self.header + "<Relationships xmlns=\"\(Self.packageRelationships)\">"
            + sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(Self.officeRelationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
            + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.officeRelationships)/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
    }

    /// Styles: 0 plain (numbers in the General format, which shows 96.38
    /// and 30000 as they are), 1 bold header (wrapped, shaded), 2 date
    /// dd/mm/yyyy, 3 wrapped text.
    static let styles = header + "<styleSheet xmlns=\"\(main)\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDE6F0\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"4\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"center\"/></xf>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>"
        + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    /// `A`, `B`, ..., `Z`, `AA`, ... for a 0-based column.
    static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    static func worksheet(_ sheet: Sheet) -> String {
        var xml = header + "<worksheet xmlns=\"\(main)\">"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        if !sheet.columns.isEmpty {
            xml += "<cols>" + sheet.columns.enumerated().map {
                "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\(ScoringTables.svg($1.width))\" customWidth=\"1\"/>"
            }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        let header = sheet.columns.map { Cell.text($0.header) }
        for (r, row) in ([header] + sheet.rows).enumerated() {
            xml += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = columnName(c) + String(r + 1)
                let style = r == 0 ? " s=\"1\"" : ""
                switch cell {
                case .text(let s):
                    xml += "<c r=\"\(ref)\" t=\"inlineStr\"\(r == 0 ? style : " s=\"3\"")><is><t xml:space=\"preserve\">\(XML.escape(s))</t></is></c>"
                case .number(let d):
                    xml += "<c r=\"\(ref)\"><v>\(XML.number(d))</v></c>"
                case .date(let iso):
                    if let serial = Language.serial(iso) {
                        xml += "<c r=\"\(ref)\" s=\"2\"><v>\(serial)</v></c>"
                    } else {
                        xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(XML.escape(iso))</t></is></c>"
                    }
                case .empty:
                    continue
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData></worksheet>"
        return xml
    }
}

enum XML {
    /// Text for element content and attribute values; characters XML 1.0
    /// does not allow are dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A number as the XML of a cell holds it: shortest round-trip form.
    static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return "\(d)"
    }
}
