import Commend
import CommendTestSupport
import Foundation

/// The small plan, rules and data of the impact and watch tests: four members
/// and three units of one cluster.
enum ImpactFixture {
    static let plan = """
        plan { id = "p", name = "P", year = 2021,
          phases = { { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" } },
          fields = { members = { score = "int", initiatives = "int" }, units = { a = "number", b = "number" } },
        }

        """

    static let tieuBieu = """
        award "tieu-bieu" {
          name = "Cá nhân tiêu biểu", subject = "member",
          criteria = {
            { id = "gioi", text = "Đạt Lao động giỏi", check = function(m, ctx) return ctx.awarded("gioi", m.id) end },
          },
          quota = { max = 1, order = function(m) return m.initiatives end },
        }

        """

    static func chamDiem(b weight: Int) -> String {
        """
        scoring "cham-diem" {
          name = "Chấm điểm CĐCS", subject = "unit", group = "cluster",
          applies = function(u) return u.kind == "cdcs" end,
          items = {
            { id = "a", text = "Tổ chức", max = 50, points = function(u) return u.a end },
            { id = "b", text = "Đoàn phí", max = 60, points = function(u) return \(weight) * u.b end },
          },
          grades = { { min = 65, label = "Xuất sắc" }, { min = 40, label = "Khá" }, { min = 0, label = "Đạt" } },
        }

        """
    }

    /// Lao động giỏi from 7 points; a removed Sáng kiến award; b weighs 1.
    static let oldRules = """
        award "gioi" {
          name = "Lao động giỏi", subject = "member",
          criteria = {
            { id = "diem", text = "Điểm từ 7 trở lên", check = function(m) return m.score >= 7, m.score .. " điểm" end },
          },
        }

        """ + tieuBieu + """
        award "sang-kien" {
          name = "Sáng kiến", subject = "member",
          criteria = { { id = "co", text = "Có sáng kiến", check = function(m) return m.initiatives > 0 end } },
        }

        """ + chamDiem(b: 1)

    /// Lao động giỏi from 8 points or 2 initiatives; no Sáng kiến; b weighs 2.
    static let newRules = """
        award "gioi" {
          name = "Lao động giỏi", subject = "member",
          criteria = {
            { id = "diem", text = "Điểm từ 8 trở lên hoặc có từ 2 sáng kiến",
              check = function(m) return m.score >= 8 or m.initiatives >= 2, m.score .. " điểm, " .. m.initiatives .. " sáng kiến" end },
          },
        }

        """ + tieuBieu + chamDiem(b: 2)

    static let units = """
        id,name,kind,parent,cluster,a,b
        P,LĐLĐ tỉnh,ldld,,,0,0
        U1,CĐCS Trường Tiểu học Bằng Thành,cdcs,P,C1,40,10
        U2,CĐCS Bệnh viện Đa khoa,cdcs,P,C1,20,25
        U3,CĐCS Xã Đồng Lạc,cdcs,P,C1,10,5

        """

    static let members = """
        id,name,unit,score,initiatives
        M1,Nguyễn Văn An,U1,9,0
        M2,Trần Thị Bích,U1,7,0
        M3,Lê Hoàng,U2,6,3
        M4,Phạm Thị Hương,U3,5,0

        """

    /// A fresh temporary directory holding `files` (relative path → text).
    static func directory(_ files: [String: String]) throws -> URL { try TemporaryFolder.make("impact", files) }

    static func write(_ text: String, to file: URL) throws { try TemporaryFolder.write(text, to: file) }

    static func rulesDirectory(_ rules: String) throws -> URL {
        try directory(["plan.lua": plan, "rules.lua": rules])
    }

    static func dataDirectory() throws -> URL {
        try directory(["units.csv": units, "members.csv": members])
    }

    /// Evaluates `rules` on the fixture data, phase dot1.
    static func evaluate(_ rules: String) throws -> EvaluationResult {
        let rulesURL = try rulesDirectory(rules), dataURL = try dataDirectory()
        defer {
            try? FileManager.default.removeItem(at: rulesURL)
            try? FileManager.default.removeItem(at: dataURL)
        }
        let set = try RuleSet.load(directory: rulesURL, displayName: "rules")
        let data = try DatasetLoader.load(directory: dataURL, schema: set.plan.fields, phases: set.plan.phases.map(\.id))
        return try Evaluator.evaluate(rules: set, data: data, phase: "dot1", options: EvaluationOptions(jobs: 1))
    }
}
