import CommendReports
import Foundation
import Testing
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an xlsx back: its parts by unzipping, its cells by parsing the XML.
struct WorkbookReader {
    struct Cell: Equatable {
        var type: String?
        var style: String?
        var value: String
    }
    let archive: Archive

    init(_ data: Data) throws { archive = try Archive(data: data, accessMode: .read) }

    func part(_ path: String) throws -> String {
        let entry = try #require(archive[path], "\(path) missing")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// The sheet names, in order.
    func sheetNames() throws -> [String] {
        XMLCollector.collect(try part("xl/workbook.xml")).elements.filter { $0.name == "sheet" }.compactMap { $0.attributes["name"] }
    }

    /// Cells by reference (`B2`): inline strings' text or the stored value.
    func cells(sheet: Int) throws -> [String: Cell] {
        let xml = try part("xl/worksheets/sheet\(sheet).xml")
        var cells: [String: Cell] = [:]
        for c in XMLCollector.collect(xml).elements where c.name == "c" {
            cells[c.attributes["r"]!] = Cell(type: c.attributes["t"], style: c.attributes["s"], value: c.text)
        }
        return cells
    }
}

/// Every element with its attributes and the text inside it (nested text joined).
final class XMLCollector: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var text: String }
    var elements: [Element] = []
    private var open: [Int] = []

    static func collect(_ xml: String) -> XMLCollector {
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "XML does not parse")
        return collector
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes, text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for i in open { elements[i].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }
}

@Suite("xlsx workbooks read back")
struct WorkbookTests {
    @Test func danhSachSheetsHoldTypedCells() throws {
        let book = try WorkbookReader(try Fixture.render(.danhSach, .xlsx))
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"] {
            _ = try book.part(part)
        }
        #expect(try book.sheetNames() == ["Tổng hợp", "Lao động giỏi", "Tập thể tốt", "Chấm điểm CĐCS"])

        let summary = try book.cells(sheet: 1)
        #expect(summary["A1"] == .init(type: "inlineStr", style: "1", value: "Hình thức khen thưởng"))
        #expect(summary["A2"]?.value == "Lao động giỏi")
        #expect(summary["B2"] == .init(type: nil, style: nil, value: "6"))   // considered, a number
        #expect(summary["C2"]?.value == "5")
        #expect(summary["D2"]?.value == "4")
        // Dates as date serials (days since 30/12/1899) in the dd/mm/yyyy style.
        #expect(summary["G2"] == .init(type: nil, style: "2", value: "44378"))   // 01/07/2021
        #expect(summary["H2"] == .init(type: nil, style: "2", value: "44561"))   // 31/12/2021

        let list = try book.cells(sheet: 2)
        #expect(["A1", "B1", "C1", "D1", "E1"].map { list[$0]?.value } == ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành tích"])
        #expect(list["A2"] == .init(type: nil, style: nil, value: "1"))
        #expect(list["B2"]?.value == "Nguyễn Văn An")
        #expect(list["C2"]?.value == "Chủ tịch")
        #expect(list["D2"]?.value == Fixture.unitName)
        #expect(list["E2"]?.value == "Xếp loại tốt; có 3 sáng kiến")
        #expect(list["B4"]?.value == "Hoàng Văn Em")
        #expect(list["B5"]?.value == "Nguyễn Văn An" && list["D5"]?.value == "Công đoàn Trường Tiểu học Hai")
        #expect(list["A6"] == nil)

        let sheet = try book.part("xl/worksheets/sheet2.xml")
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<col min=\"2\" max=\"2\" width=\"28\" customWidth=\"1\"/>"))
    }

    @Test func baoCaoHasASheetPerAwardAndPerScoring() throws {
        let book = try WorkbookReader(try Fixture.render(.baoCao, .xlsx))
        #expect(try book.sheetNames() == ["Tổng hợp", "Lao động giỏi", "Tập thể tốt", "Chấm điểm CĐCS", "Ngoài chỉ tiêu"])
        let districts = try book.cells(sheet: 2)
        #expect(districts["A2"]?.value == "Liên đoàn Lao động huyện Một")
        #expect(["B2", "C2", "D2"].map { districts[$0]?.value } == ["4", "4", "3"])
        let scoring = try book.cells(sheet: 4)
        #expect(["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1"].map { scoring[$0]?.value }
                == ["Cụm, khối thi đua", "Hạng", "Tên tập thể", "Điểm tự chấm", "Điểm thưởng", "Điểm trừ", "Tổng điểm", "Xếp loại"])
        #expect(["A2", "B2", "C2", "D2", "E2", "G2", "H2"].map { scoring[$0]?.value }
                == ["C1", "1", "Công đoàn Trường Tiểu học Hai", "95", "3", "98", "Xuất sắc"])
        #expect(scoring["G2"]?.type == nil)
        let out = try book.cells(sheet: 5)
        #expect(["B2", "E2", "F2"].map { out[$0]?.value } == ["Lê Văn Cường", "3", "2"])
    }

    @Test func sameResultSameBytes() throws {
        #expect(try Fixture.render(.baoCao, .xlsx) == Fixture.render(.baoCao, .xlsx))
    }
}
