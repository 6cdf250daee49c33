import Commend
import Foundation
import Testing

@Suite("Impact: rule change diff (golden)")
struct ImpactTests {
    static func impact() throws -> Impact {
        Impact(old: try ImpactFixture.evaluate(ImpactFixture.oldRules), new: try ImpactFixture.evaluate(ImpactFixture.newRules))
    }

    @Test func awardChangesByHand() throws {
        let impact = try Self.impact()
        #expect(impact.phase.id == "dot1")
        #expect(impact.rulesDigest.changed)
        #expect(impact.awards.map(\.id) == ["gioi", "tieu-bieu", "sang-kien"])
        #expect(impact.awards.map(\.status) == [.changed, .changed, .removed])

        // Lao động giỏi: 7 points no longer suffice (M2 loses), 3 initiatives now do (M3 gains).
        let gioi = impact.awards[0]
        #expect(gioi.eligible == Transition(old: 2, new: 2))
        #expect(gioi.awarded == Transition(old: 2, new: 2))
        #expect(gioi.changes.map(\.subject) == ["M2", "M3"])
        let m2 = gioi.changes[0]
        #expect(m2.kind == .losesAward)
        #expect(m2.eligible == Transition(old: true, new: false))
        #expect(m2.awarded == Transition(old: true, new: false))
        #expect(m2.criteria == [CriterionChange(id: "diem", text: "Điểm từ 8 trở lên hoặc có từ 2 sáng kiến",
                                                passed: Transition(old: true, new: false),
                                                detail: Transition(old: "7 điểm", new: "7 điểm, 0 sáng kiến"))])
        #expect(m2.quota == Transition(old: nil, new: nil))
        let m3 = gioi.changes[1]
        #expect(m3.kind == .gainsAward)
        #expect(m3.criteria.map(\.passed) == [Transition(old: false, new: true)])

        // Tiêu biểu (max 1, most initiatives first): M1 0 and M2 0 → M1 by id; then M1 0 and M3 3 → M3.
        let tieuBieu = impact.awards[1]
        #expect(tieuBieu.eligible == Transition(old: 2, new: 2))
        #expect(tieuBieu.awarded == Transition(old: 1, new: 1))
        #expect(tieuBieu.changes.map(\.subject) == ["M1", "M2", "M3"])
        #expect(tieuBieu.changes.map(\.kind) == [.losesAward, .losesEligibility, .gainsAward])
        let m1 = tieuBieu.changes[0]
        #expect(m1.criteria.isEmpty)
        #expect(m1.quota.old?.place == 1 && m1.quota.old?.limit == 1 && m1.quota.old?.order == 0)
        #expect(m1.quota.new?.place == 2 && m1.quota.new?.limit == 1 && m1.quota.new?.eligible == 2)
        #expect(tieuBieu.changes[1].criteria.map(\.id) == ["gioi"])
        #expect(tieuBieu.changes[1].quota.old?.place == 2 && tieuBieu.changes[1].quota.new == nil)
        #expect(tieuBieu.changes[2].quota.new?.place == 1 && tieuBieu.changes[2].quota.new?.order == 3)

        let removed = impact.awards[2]
        #expect(removed.eligible == Transition(old: 1, new: nil))
        #expect(removed.awarded == Transition(old: 1, new: nil))
        #expect(removed.changes.isEmpty)
    }

    /// Old a + b: U1 40+10 = 50 (1, Khá), U2 20+25 = 45 (2, Khá), U3 15 (3, Đạt).
    /// New a + 2b: U2 70 (1, Xuất sắc), U1 60 (2, Khá), U3 20 (3, Đạt): U3 does not move.
    @Test func scoringChangesByHand() throws {
        let impact = try Self.impact()
        #expect(impact.scorings.count == 1)
        let s = impact.scorings[0]
        #expect(s.id == "cham-diem" && s.status == .changed)
        #expect(s.scored == Transition(old: 3, new: 3))
        #expect(s.changes == [
            ScoreChange(subject: "U2", name: "CĐCS Bệnh viện Đa khoa", group: Transition(old: "C1", new: "C1"),
                        rank: Transition(old: 2, new: 1), groupSize: Transition(old: 3, new: 3),
                        total: Transition(old: 45, new: 70), grade: Transition(old: "Khá", new: "Xuất sắc"),
                        scored: Transition(old: true, new: true)),
            ScoreChange(subject: "U1", name: "CĐCS Trường Tiểu học Bằng Thành", group: Transition(old: "C1", new: "C1"),
                        rank: Transition(old: 1, new: 2), groupSize: Transition(old: 3, new: 3),
                        total: Transition(old: 50, new: 60), grade: Transition(old: "Khá", new: "Khá"),
                        scored: Transition(old: true, new: true)),
        ])
    }

    @Test func sameRulesHaveNoImpact() throws {
        let result = try ImpactFixture.evaluate(ImpactFixture.oldRules)
        let impact = Impact(old: result, new: result)
        #expect(impact.isEmpty)
        #expect(ImpactTextFormat.text(impact) == "Không ai được thêm hay mất khen thưởng, hạng hay xếp loại.\n")
        #expect(ImpactTextFormat.text(impact, language: .en) == "No subject gains or loses an award, rank or grade.\n")
    }

    /// Vietnamese, the default: the same tables with the officers' words.
    @Test func tableTextInVietnamese() throws {
        let impact = try Self.impact()
        let expected = """
            Ảnh hưởng của việc sửa tiêu chí đến Đợt 1 [dot1]
            \(String(repeating: "═", count: 48))
              tiêu chí cũ: old (\(impact.rulesDigest.old))
              tiêu chí mới: new (\(impact.rulesDigest.new))

            Lao động giỏi [gioi]
              đủ điều kiện 2, khen thưởng 2: 1 được khen thưởng thêm, 1 mất khen thưởng
              mã  tên            thay đổi          lý do
              ──  ─────────────  ────────────────  ─────────────────────────────────
              M2  Trần Thị Bích  mất khen thưởng   diem: ✔ → ✘ (7 điểm, 0 sáng kiến)
              M3  Lê Hoàng       được khen thưởng  diem: ✘ → ✔ (6 điểm, 3 sáng kiến)
              tiêu chuẩn diem: Điểm từ 8 trở lên hoặc có từ 2 sáng kiến

            Cá nhân tiêu biểu [tieu-bieu]
              đủ điều kiện 2, khen thưởng 1: 1 được khen thưởng thêm, 1 mất khen thưởng, 1 không còn đủ điều kiện
              mã  tên            thay đổi                lý do
              ──  ─────────────  ──────────────────────  ───────────────────────────────
              M1  Nguyễn Văn An  mất khen thưởng         thứ tự trong chỉ tiêu 1/1 → 2/1
              M2  Trần Thị Bích  không còn đủ điều kiện  gioi: ✔ → ✘
              M3  Lê Hoàng       được khen thưởng        gioi: ✘ → ✔
              tiêu chuẩn gioi: Đạt Lao động giỏi

            Sáng kiến [sang-kien]: đã bỏ
              trước đây đủ điều kiện 1 đoàn viên, khen thưởng 1

            Chấm điểm CĐCS [cham-diem]
              2 đơn vị đổi hạng hoặc xếp loại
              nhóm  mã  tên                               hạng  tổng điểm  xếp loại
              ────  ──  ───────────────────────────────  ─────  ─────────  ──────────────
              C1    U2  CĐCS Bệnh viện Đa khoa           2 → 1    45 → 70  Khá → Xuất sắc
              C1    U1  CĐCS Trường Tiểu học Bằng Thành  1 → 2    50 → 60  Khá

            """
        let text = ImpactTextFormat.text(impact, old: "old", new: "new")
        #expect(text == expected)
        if text != expected { print(text) }
    }

    @Test func tableTextInEnglish() throws {
        let impact = try Self.impact()
        let expected = """
            Impact of the rule change on Đợt 1 [dot1]
            ═════════════════════════════════════════
              old rules: old (\(impact.rulesDigest.old))
              new rules: new (\(impact.rulesDigest.new))

            Lao động giỏi [gioi]
              eligible 2, awarded 2: 1 gains the award, 1 loses it
              subject  name           change       because
              ───────  ─────────────  ───────────  ─────────────────────────────────
              M2       Trần Thị Bích  loses award  diem: ✔ → ✘ (7 điểm, 0 sáng kiến)
              M3       Lê Hoàng       gains award  diem: ✘ → ✔ (6 điểm, 3 sáng kiến)
              criterion diem: Điểm từ 8 trở lên hoặc có từ 2 sáng kiến

            Cá nhân tiêu biểu [tieu-bieu]
              eligible 2, awarded 1: 1 gains the award, 1 loses it, 1 no longer eligible
              subject  name           change              because
              ───────  ─────────────  ──────────────────  ─────────────────────
              M1       Nguyễn Văn An  loses award         quota place 1/1 → 2/1
              M2       Trần Thị Bích  no longer eligible  gioi: ✔ → ✘
              M3       Lê Hoàng       gains award         gioi: ✘ → ✔
              criterion gioi: Đạt Lao động giỏi

            Sáng kiến [sang-kien]: removed
              was 1 member eligible, 1 awarded

            Chấm điểm CĐCS [cham-diem]
              2 units moved in rank or grade
              group  subject  name                              rank    total  grade
              ─────  ───────  ───────────────────────────────  ─────  ───────  ──────────────
              C1     U2       CĐCS Bệnh viện Đa khoa           2 → 1  45 → 70  Khá → Xuất sắc
              C1     U1       CĐCS Trường Tiểu học Bằng Thành  1 → 2  50 → 60  Khá

            """
        let text = ImpactTextFormat.text(impact, old: "old", new: "new", language: .en)
        #expect(text == expected)
        if text != expected { print(text) }
    }

    @Test func jsonText() throws {
        let impact = try Self.impact()
        let d = impact.rulesDigest
        let expected = """
            {
              "phase": {"id": "dot1", "name": "Đợt 1"},
              "rules_digest": {"old": "\(d.old)", "new": "\(d.new)"},
              "awards": [
                {"id": "gioi", "name": "Lao động giỏi", "subject": "member", "status": "changed",
                 "eligible": {"old": 2, "new": 2}, "awarded": {"old": 2, "new": 2},
                 "changes": [
                   {"subject": "M2", "name": "Trần Thị Bích", "change": "loses_award", "eligible": {"old": true, "new": false}, "awarded": {"old": true, "new": false},
                    "criteria": [{"id": "diem", "text": "Điểm từ 8 trở lên hoặc có từ 2 sáng kiến", "passed": {"old": true, "new": false}, "detail": {"old": "7 điểm", "new": "7 điểm, 0 sáng kiến"}}],
                    "quota": {"old": null, "new": null}},
                   {"subject": "M3", "name": "Lê Hoàng", "change": "gains_award", "eligible": {"old": false, "new": true}, "awarded": {"old": false, "new": true},
                    "criteria": [{"id": "diem", "text": "Điểm từ 8 trở lên hoặc có từ 2 sáng kiến", "passed": {"old": false, "new": true}, "detail": {"old": "6 điểm", "new": "6 điểm, 3 sáng kiến"}}],
                    "quota": {"old": null, "new": null}}
                 ]},
                {"id": "tieu-bieu", "name": "Cá nhân tiêu biểu", "subject": "member", "status": "changed",
                 "eligible": {"old": 2, "new": 2}, "awarded": {"old": 1, "new": 1},
                 "changes": [
                   {"subject": "M1", "name": "Nguyễn Văn An", "change": "loses_award", "eligible": {"old": true, "new": true}, "awarded": {"old": true, "new": false},
                    "criteria": [],
                    "quota": {"old": {"group": null, "place": 1, "limit": 1, "base": 2, "order": 0}, "new": {"group": null, "place": 2, "limit": 1, "base": 2, "order": 0}}},
                   {"subject": "M2", "name": "Trần Thị Bích", "change": "loses_eligibility", "eligible": {"old": true, "new": false}, "awarded": {"old": false, "new": false},
                    "criteria": [{"id": "gioi", "text": "Đạt Lao động giỏi", "passed": {"old": true, "new": false}, "detail": {"old": null, "new": null}}],
                    "quota": {"old": {"group": null, "place": 2, "limit": 1, "base": 2, "order": 0}, "new": null}},
                   {"subject": "M3", "name": "Lê Hoàng", "change": "gains_award", "eligible": {"old": false, "new": true}, "awarded": {"old": false, "new": true},
                    "criteria": [{"id": "gioi", "text": "Đạt Lao động giỏi", "passed": {"old": false, "new": true}, "detail": {"old": null, "new": null}}],
                    "quota": {"old": null, "new": {"group": null, "place": 1, "limit": 1, "base": 2, "order": 3}}}
                 ]},
                {"id": "sang-kien", "name": "Sáng kiến", "subject": "member", "status": "removed",
                 "eligible": {"old": 1, "new": null}, "awarded": {"old": 1, "new": null},
                 "changes": []}
              ],
              "scorings": [
                {"id": "cham-diem", "name": "Chấm điểm CĐCS", "subject": "unit", "status": "changed",
                 "scored": {"old": 3, "new": 3},
                 "changes": [
                   {"subject": "U2", "name": "CĐCS Bệnh viện Đa khoa", "group": {"old": "C1", "new": "C1"}, "rank": {"old": 2, "new": 1}, "group_size": {"old": 3, "new": 3}, "total": {"old": 45, "new": 70}, "grade": {"old": "Khá", "new": "Xuất sắc"}},
                   {"subject": "U1", "name": "CĐCS Trường Tiểu học Bằng Thành", "group": {"old": "C1", "new": "C1"}, "rank": {"old": 1, "new": 2}, "group_size": {"old": 3, "new": 3}, "total": {"old": 50, "new": 60}, "grade": {"old": "Khá", "new": "Khá"}}
                 ]}
              ]
            }

            """
        let text = ImpactJSONFormat.text(impact)
        #expect(text == expected)
        if text != expected { print(text) }
        // Valid JSON, and the same bytes on a second run.
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
        #expect(ImpactJSONFormat.text(try Self.impact()) == text)
    }
}
