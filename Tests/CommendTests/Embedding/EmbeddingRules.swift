import Commend

/// A plan small enough to check by hand: one award of members (two
/// criteria) and one scoring of members ranked within their unit.
enum EmbeddingRules {
    static let sources = [
        "plan.lua": """
            plan {
              id = "nhung", name = "Thi đua nhúng", year = 2021,
              phases = { { id = "dot1", name = "Đợt 1", from = "2021-01-01", to = "2021-06-30" } },
              fields = {
                members = { rating = enum { "xuat_sac", "tot", "hoan_thanh" }, years = "int", party = "bool" },
                units = { cluster = "string" },
              },
            }
            """,
        "awards.lua": """
            award "tien-tien" {
              name = "Lao động tiên tiến", subject = "member",
              criteria = {
                { id = "rating", text = "Tốt trở lên",
                  check = function(m) return m.rating == "xuat_sac" or m.rating == "tot" end },
                { id = "seniority", text = "Từ 5 năm công tác",
                  check = function(m) return m.years >= 5, m.years .. " năm" end },
              },
            }
            """,
        "scores.lua": """
            scoring "diem" {
              name = "Chấm điểm", subject = "member", group = "unit",
              items = {
                { id = "nam", text = "Số năm", max = 20, points = function(m) return m.years end },
                { id = "dang", text = "Đảng viên", max = 10, points = function(m) return m.party and 10 or 0 end },
              },
            }
            """,
    ]

    /// Seven members in two units. Worked out by hand:
    /// award tien-tien fails M2 (rating, seniority), M4 (seniority), M6 (rating),
    /// M7 (seniority);
    /// scoring diem in U1: M1 20+10=30, M4 4+10=14, M3 12, M2 3, M7 1.
    static func dataset(_ rules: RuleSet) throws -> Dataset {
        var data = DatasetBuilder(rules: rules)
        data.addUnit(["id": "U1", "name": "Tổ 1", "cluster": "A"])
        data.addUnit(["id": "U2", "name": "Tổ 2", "cluster": "A"])
        data.addMember(["id": "M1", "unit": "U1", "rating": "tot", "years": 30, "party": true])
        data.addMember(["id": "M2", "unit": "U1", "rating": "hoan_thanh", "years": 3, "party": false])
        data.addMember(["id": "M3", "unit": "U1", "rating": "xuat_sac", "years": 12, "party": false])
        data.addMember(["id": "M4", "unit": "U1", "rating": "Tốt", "years": 4, "party": true])
        data.addMember(["id": "M5", "unit": "U2", "rating": "tot", "years": 7, "party": true])
        data.addMember(["id": "M6", "unit": "U2", "rating": "hoan_thanh", "years": 9, "party": "có"])
        data.addMember(["id": "M7", "unit": "U1", "rating": "tot", "years": 1.0, "party": false])
        return try data.build()
    }
}
