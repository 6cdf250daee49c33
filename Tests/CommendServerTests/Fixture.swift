import Foundation

/// A small plan whose results are worked out by hand:
///
/// - award `sk` (members): `c1` initiatives > 0 (detail "không có sáng kiến"
///   when it fails), `c2` rating is "tot"; quota share 0.5 within unit,
///   ordered by initiatives. U1 has M1 (2 initiatives) and M2 (1), both
///   eligible: limit floor(0.5 × 2) = 1, so M1 is awarded (place 1) and M2 is
///   not (place 2). M3 (U2, 0 initiatives) fails c1 and is not eligible.
/// - scoring `diem` (units), grouped by cluster: one item `a` (max 10) = the
///   unit's score; grades Tốt from 8, Đạt from 0. Cluster C1: U2 scores 12,
///   clamped to 10, rank 1; U1 9, rank 2; both Tốt. Cluster C2: U3 5, rank 1, Đạt.
enum Fixture {
    static let plan = """
        plan { id = "p", name = "Kế hoạch thử", year = 2021,
          phases = { { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" } },
          fields = { members = { initiatives = "int", rating = enum { "tot", "kha" } },
                     units = { score = "number" } } }
        """
    static let award = """
        award "sk" { name = "Sáng kiến", subject = "member",
          criteria = {
            { id = "c1", text = "Có sáng kiến",
              check = function(m) return m.initiatives > 0, m.initiatives == 0 and "không có sáng kiến" or nil end },
            { id = "c2", text = "Xếp loại tốt", check = function(m) return m.rating == "tot" end },
          },
          quota = { share = 0.5, within = "unit", order = function(m) return m.initiatives end } }
        """
    static let scoring = """
        scoring "diem" { name = "Chấm điểm", subject = "unit", group = "cluster",
          items = { { id = "a", text = "Điểm", max = 10, points = function(u) return u.score end } },
          grades = { { min = 8, label = "Tốt" }, { min = 0, label = "Đạt" } } }
        """
    static var rules: [String: String] { ["plan.lua": plan, "sk.lua": award, "diem.lua": scoring] }

    static var data: [String: Any] { [
        "units": [
            ["id": "U1", "name": "CĐCS Một", "kind": "cdcs", "cluster": "C1", "score": 9],
            ["id": "U2", "name": "CĐCS Hai", "kind": "cdcs", "cluster": "C1", "score": 12],
            ["id": "U3", "name": "CĐCS Ba", "kind": "cdcs", "cluster": "C2", "score": 5],
        ],
        "members": [
            ["id": "M1", "name": "An", "unit": "U1", "initiatives": 2, "rating": "tot"],
            ["id": "M2", "name": "Bình", "unit": "U1", "initiatives": 1, "rating": "tot"],
            ["id": "M3", "name": "Chi", "unit": "U2", "initiatives": 0, "rating": "tot"],
        ],
    ] }

    /// The rules in a new folder.
    static func rulesFolder(_ extra: [String: String] = [:]) throws -> URL {
        try Paths.folder(rules.merging(extra) { _, new in new })
    }

    /// The data as data.json in a new folder.
    static func dataFolder() throws -> URL {
        let text = String(decoding: try JSONSerialization.data(withJSONObject: data, options: [.sortedKeys]), as: UTF8.self)
        return try Paths.folder(["data.json": text])
    }
}
