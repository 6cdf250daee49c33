import Commend
import CommendReports
import CommendTestSupport
import Foundation

/// A small province written to a temporary folder: a provincial federation
/// (P), two districts (D1, D2), three grassroots unions (one named with `"`,
/// `&` and `<`), six members; one member award with a quota of two per unit
/// whose cut-off falls in a tie (M2 and M3 both have 2 initiatives), one unit
/// award, one scoring by cluster.
enum Fixture {
    static let plan = """
        plan { id = "thu", name = "Phong trào thi đua năm 2021", year = 2021,
          phases = { { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" },
                     { id = "dot2", name = "Đợt 2", from = "2021-07-01", to = "2021-12-31" } },
          fields = { members = { rating = enum { "tot", "kha" }, initiatives = "int" },
                     units = { score = "number" } } }
        """
    static let awards = """
        award "lao-dong-gioi" { name = "Lao động giỏi", subject = "member",
          criteria = {
            { id = "xep_loai", text = "Xếp loại tốt", check = function(m) return m.rating == "tot", "xếp loại tốt" end },
            { id = "sang_kien", text = "Có sáng kiến",
              check = function(m) return (m.initiatives or 0) >= 1, "có " .. tostring(m.initiatives or 0) .. " sáng kiến" end },
          },
          quota = { max = 2, within = "unit", order = function(m) return m.initiatives end } }
        award "tap-the-tot" { name = "Tập thể tốt", subject = "unit",
          applies = function(u) return u.kind == "cdcs" end,
          criteria = { { id = "diem", text = "Từ 70 điểm",
            check = function(u) return (u.score or 0) >= 70, "đạt " .. math.floor(u.score or 0) .. " điểm" end } } }
        scoring "cham-diem" { name = "Chấm điểm CĐCS", group = "cluster",
          applies = function(u) return u.kind == "cdcs" end,
          items = { { id = "diem", text = "Điểm tự chấm", max = 100, points = function(u) return u.score or 0 end } },
          bonus = { max = 5, points = function(u) return u.id == "U2" and 3 or 0 end },
          grades = { { min = 90, label = "Xuất sắc" }, { min = 0, label = "Đạt" } } }
        """
    static let unitName = "Công đoàn \"Sao & <Mai>\""
    static let data = [
        "units.csv": [
            "id,name,kind,parent,cluster",
            "P,Liên đoàn Lao động tỉnh Thử Nghiệm,tinh,,",
            "D1,Liên đoàn Lao động huyện Một,huyen,P,KH",
            "D2,Liên đoàn Lao động huyện Hai,huyen,P,KH",
            #"U1,"Công đoàn ""Sao & <Mai>""",cdcs,D1,C1"#,
            "U2,Công đoàn Trường Tiểu học Hai,cdcs,D2,C1",
            "U3,Công đoàn Trạm Y tế Ba,cdcs,D1,C2",
        ].joined(separator: "\n") + "\n",
        "members.csv": """
            id,name,unit,chuc_vu
            M1,Nguyễn Văn An,U1,Chủ tịch
            M2,Trần Thị Bình,U1,Giáo viên
            M3,Lê Văn Cường,U1,Kế toán
            M4,Nguyễn Văn An,U2,Giáo viên
            M5,Phạm Thị Dung,U2,Nhân viên
            M6,Hoàng Văn Em,U3,Bác sĩ

            """,
        "phases/dot2/members.csv": "id,rating,initiatives\nM1,tot,3\nM2,tot,2\nM3,tot,2\nM4,tot,1\nM5,kha,0\nM6,tot,5\n",
        "phases/dot2/units.csv": "id,score\nU1,80\nU2,95\nU3,60\n",
    ]

    /// A temporary folder with the given files.
    static func folder(_ files: [String: String]) throws -> URL { try TemporaryFolder.make("reports", files) }

    struct Loaded {
        var rules: URL
        var data: URL
        var dataset: Dataset
        var result: EvaluationResult
    }

    static func load(phase: String = "dot2", data files: [String: String] = Self.data) throws -> Loaded {
        let rules = try folder(["plan.lua": plan, "awards.lua": awards])
        let data = try folder(files)
        let ruleSet = try RuleSet.load(directory: rules, displayName: "rules")
        let dataset = try DatasetLoader.load(directory: data, schema: ruleSet.plan.fields, phases: ruleSet.plan.phases.map(\.id))
        let result = try Evaluator.evaluate(rules: ruleSet, data: dataset, phase: phase, options: EvaluationOptions(jobs: 1))
        return Loaded(rules: rules, data: data, dataset: dataset, result: result)
    }

    static func render(_ kind: DocumentKind, _ format: DocumentFormat, language: Language = .vi,
                       filter: ResultFilter = ResultFilter(), templates: URL? = nil, phase: String = "dot2") throws -> Data {
        let loaded = try load(phase: phase)
        return try Documents.render(loaded.result, data: loaded.dataset,
                                    request: DocumentRequest(kind: kind, format: format, language: language, filter: filter,
                                                             date: "2021-12-20", templates: templates))
    }

    static func text(_ kind: DocumentKind, _ format: DocumentFormat, language: Language = .vi,
                     filter: ResultFilter = ResultFilter(), templates: URL? = nil, phase: String = "dot2") throws -> String {
        String(decoding: try render(kind, format, language: language, filter: filter, templates: templates, phase: phase), as: UTF8.self)
    }
}

extension String {
    /// The offset of the first occurrence of `needle` at or after `from`, or nil.
    func offset(of needle: String, from: Int = 0) -> Int? {
        guard from <= count else { return nil }
        let start = index(startIndex, offsetBy: from)
        return range(of: needle, range: start..<endIndex).map { distance(from: startIndex, to: $0.lowerBound) }
    }

    func occurrences(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}
