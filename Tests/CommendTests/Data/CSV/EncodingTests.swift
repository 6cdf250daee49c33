@testable import Commend
import Foundation
import Testing

@Suite("File encodings")
struct EncodingTests {
    private func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += bigEndian ? pair.reversed() : pair
        }
        return bytes
    }

    @Test("a UTF-16 export is named as such", arguments: [(false, true), (true, true), (false, false)])
    func utf16File(_ bigEndian: Bool, _ bom: Bool) {
        let data = try! TempData(["units.csv": unitsCSV,
                                  "members.csv": utf16(membersCSV, bigEndian: bigEndian, bom: bom)])
        #expect(data.errors() == ["members.csv: file is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel)"])
    }

    @Test("invalid UTF-8 names the file and the line")
    func invalidUTF8() {
        var bytes = Array("id,name,unit\nM1,An,U1\nM2,B,U1\nM3,C,U1\nM4,D,U1\nM5,E,U1\nM6,F,U1\n".utf8)
        bytes += Array("M7,Hu".utf8) + [0xE9] + Array(",U1\n".utf8) // "Hué" in Windows-1258/1252, line 8
        let data = try! TempData(["units.csv": unitsCSV, "members.csv": bytes])
        #expect(data.errors() ==
                ["members.csv:8: invalid UTF-8 (byte 0xE9); save the file as UTF-8 (CSV UTF-8 in Excel)"])
    }

    @Test("invalid UTF-8 on several lines is one problem that counts the other lines")
    func invalidUTF8Lines() {
        var bytes = Array("id,name,unit\n".utf8)
        bytes += Array("M1,".utf8) + [0xC3, 0x28] + Array(",U1\n".utf8) // bad continuation byte, line 2
        bytes += Array("M2,ok,U1\n".utf8)
        bytes += Array("M3,".utf8) + [0xED, 0xA0, 0x80] + Array(",U1\n".utf8) // a surrogate, line 4
        bytes += Array("M4,".utf8) + [0xFF] + [0xFE] + Array(",U1\n".utf8) // line 5, two bad bytes
        let data = try! TempData(["units.csv": unitsCSV, "members.csv": bytes])
        #expect(data.errors() == [
            "members.csv:2: invalid UTF-8 (byte 0xC3), and on 2 more lines; save the file as UTF-8 (CSV UTF-8 in Excel)",
        ])
    }
}
