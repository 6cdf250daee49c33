import Commend
import Foundation
import Testing

@Suite("Output: CSV of a result")
struct CSVOutputTests {
    /// The CSV of the seven-member dataset of `EmbeddingRules`, worked out by
    /// hand from its comment: awards by subject id, scorings by group, rank, id.
    static let expected = [
        "kind,id,subject,name,eligible,awarded,failed,group,place,total,rank,grade",
        "award,tien-tien,M1,,true,true,,,,,,",
        "award,tien-tien,M2,,false,false,rating;seniority,,,,,",
        "award,tien-tien,M3,,true,true,,,,,,",
        "award,tien-tien,M4,,false,false,seniority,,,,,",
        "award,tien-tien,M5,,true,true,,,,,,",
        "award,tien-tien,M6,,false,false,rating,,,,,",
        "award,tien-tien,M7,,false,false,seniority,,,,,",
        "scoring,diem,M1,,,,,U1,,30,1,",
        "scoring,diem,M4,,,,,U1,,14,2,",
        "scoring,diem,M3,,,,,U1,,12,3,",
        "scoring,diem,M2,,,,,U1,,3,4,",
        "scoring,diem,M7,,,,,U1,,1,5,",
        "scoring,diem,M6,,,,,U2,,19,1,",
        "scoring,diem,M5,,,,,U2,,17,2,",
    ]

    @Test("one row per outcome, a byte-order mark, CRLF line ends")
    func sevenMembers() throws {
        let rules = try RuleSet(sources: EmbeddingRules.sources)
        let result = try Evaluator.evaluate(rules: rules, data: EmbeddingRules.dataset(rules), phase: "dot1")
        let bytes = try sinkBytes { CSVFormat.write(result, to: $0) }
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == Self.expected.map { $0 + "\r\n" }.joined())
    }

    @Test("names with quotes are quoted, `|` and `<&` pass as they are, failed criteria in declaration order, quota places")
    func escapedNamesAndQuota() throws {
        let result = try OutputFixture.result()
        let bytes = try sinkBytes { CSVFormat.write(result, to: $0) }
        let rows = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(rows == [
            "kind,id,subject,name,eligible,awarded,failed,group,place,total,rank,grade",
            "award,gioi,M1,An|Bình,true,false,,U1,2,,,",
            "award,gioi,M2,\"Chi <b>&\"\"c\"\"\",true,true,,U1,1,,,",
            "award,gioi,M3,Dũng,false,false,sk;kl,,,,,",
            "award,gioi,M4,Em,true,true,,U2,1,,,",
            "award,gioi,M5<&>,Giang,true,false,,U2,2,,,",
            "scoring,cd,U2,Tổ|Hai,,,,C&1,,20,1,Tốt",
            "scoring,cd,U1,\"Tổ <1> & \"\"Một\"\"\",,,,C&1,,12.5,2,Đạt",
            "",
        ])
    }

    @Test("text cells that a spreadsheet would run as a formula get a quote; quotes and commas are escaped")
    func cells() {
        #expect(CSVFormat.field("a,b") == "\"a,b\"")
        #expect(CSVFormat.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVFormat.field("plain") == "plain")
    }
}
