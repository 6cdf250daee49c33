/// The Vietnamese table of `Message`: the words federations' officers use.
extension Message {
    func vietnamese(_ w: Wording) -> String {
        let n = w.number, c = w.count
        switch self {
        case .planHeading(let name, let id, let year): return "\(name) (\(id), năm \(year))"
        case .phaseLine(let name, let id, let from, let to): return "\(name) [\(id)]: từ \(w.date(from)) đến \(w.date(to))"
        case .rulesDigest(let digest): return "mã bộ tiêu chí: \(digest)"
        case .awardCounts(let considered, let kind, let eligible, let awarded):
            return "xét \(c(considered)) \(Self.vi(kind)), đủ điều kiện \(c(eligible)), khen thưởng \(c(awarded))"
        case .quota(let share, let base, let max, let within):
            var parts: [String] = []
            if let share { parts.append("không quá \(n(share * 100))% số \(base ?? "đủ điều kiện")") }
            if let max { parts.append("tối đa \(c(max))") }
            return "chỉ tiêu: " + parts.joined(separator: ", ") + (within.map { ", tính trong mỗi \(Self.vi(field: $0))" } ?? ", tính chung")
        case .scored(let count, let kind, let grades):
            return "chấm điểm \(c(count)) \(Self.vi(kind))" + grades.map { "; \($0.label): \(c($0.count))" }.joined()
        case .diagnostics: return "Thông báo của bộ tiêu chí"
        case .column(let column):
            switch column {
            case .subject: return "mã"
            case .name: return "tên"
            case .group: return "nhóm"
            case .place: return "thứ tự/chỉ tiêu"
            case .rank: return "hạng"
            case .total: return "tổng điểm"
            case .grade: return "xếp loại"
            case .change: return "thay đổi"
            case .reason: return "lý do"
            }
        case .storeColumn(let column):
            switch column {
            case .run: return "lần chạy"
            case .plan: return "kế hoạch"
            case .year: return "năm"
            case .phase: return "đợt"
            case .recorded: return "lưu lúc (UTC)"
            case .status: return "chốt"
            case .rules: return "tiêu chí"
            case .data: return "số liệu"
            case .decision: return "danh hiệu / bảng điểm"
            case .outcome: return "kết quả"
            }
        case .runFinal: return "đã chốt"
        case .runReplaced(let by): return "đã thay bằng lần \(by)"
        case .noRuns: return "Chưa có lần chạy nào được lưu."
        case .finalized(let run, let plan, let year, let phase, let replaced, let already):
            let what = "kế hoạch \(plan) (\(year)), đợt \(phase)"
            if already { return "lần chạy \(run) đã là kết quả chính thức của \(what)" }
            return "lần chạy \(run) nay là kết quả chính thức của \(what)"
                + (replaced.map { "; lần chạy \($0) được đánh dấu đã thay" } ?? "")
        case .historyAwarded: return "được khen thưởng"
        case .historyScore(let rank, let grade, let total):
            return "hạng \(rank.map(c) ?? "–")" + (grade.map { ", \($0)" } ?? "") + (total.map { ", \(n($0)) điểm" } ?? "")
        case .historyImported: return "nhập từ tệp"
        case .runNotFinal(let run): return "\(run) (chưa chốt)"
        case .noHistory: return "Chưa có lịch sử của mã này."
        case .awarded: return "ĐƯỢC KHEN THƯỞNG"
        case .eligibleNotAwarded: return "đủ điều kiện, ngoài chỉ tiêu"
        case .notEligible: return "không đủ điều kiện"
        case .quotaPlace(let place, let eligible, let group, let limit, let base, let order):
            let scope = group.map { "trong nhóm \($0)" } ?? "(tính chung)"
            let cap = limit.map { "chỉ tiêu \(c($0))" } ?? "không giới hạn"
            return "chỉ tiêu: xếp thứ \(c(place)) trong số \(c(eligible)) đủ điều kiện \(scope), \(cap) (tính trên \(c(base)))"
                + (order.map { ", giá trị xếp thứ tự \(n($0))" } ?? "")
        case .quotaNotPlaced: return "chỉ tiêu: chưa được xếp"
        case .quotaTie(let group, let tied, let order, let limit, let awarded, let leftOut):
            let value = order.map { "cùng giá trị xếp thứ tự \(n($0))" } ?? "(không có tiêu chí xếp thứ tự)"
            return "bằng nhau tại ngưỡng chỉ tiêu" + (group.map { " trong nhóm \($0)" } ?? "")
                + ": \(c(tied)) người đủ điều kiện \(value) tranh suất cuối trong \(c(limit)) suất; "
                + "phân định theo mã đối tượng tăng dần: được khen \(awarded.joined(separator: ", ")); "
                + "ngoài chỉ tiêu \(leftOut.joined(separator: ", "))"
        case .scoreLine(let total, let rank, let of, let group, let grade):
            return "tổng \(n(total)) điểm, hạng \(c(rank))/\(c(of))" + (group.map { " trong cụm, khối \($0)" } ?? "")
                + (grade.map { ", xếp loại \($0)" } ?? ", chưa xếp loại")
        case .itemPoints(let points, let max, let raw):
            guard let raw else { return "\(n(points))/\(n(max)) điểm" }
            return "\(n(points))/\(n(max)) điểm (tính ra \(n(raw)), " + (raw > max ? "chỉ tính tối đa \(n(max)))" : "tính 0)")
        case .bonus(let points, let raw):
            return "điểm thưởng: +\(n(points))" + (raw.map { " (tính ra \(n($0)), chỉ tính \(n(points)))" } ?? "")
        case .penalty(let points, let raw):
            return "điểm trừ: −\(n(points))" + (raw.map { " (tính ra \(n($0)), chỉ tính \(n(points)))" } ?? "")
        case .nothingApplies(let phase, let subject):
            return "Không có danh hiệu, bảng điểm nào của đợt \(phase) xét cho \(subject)."
        case .impactHeading(let name, let id): return "Ảnh hưởng của việc sửa tiêu chí đến \(name) [\(id)]"
        case .oldRules(let name, let digest): return "tiêu chí cũ: \(name) (\(digest))"
        case .newRules(let name, let digest): return "tiêu chí mới: \(name) (\(digest))"
        case .runsHeading(let old, let new, let name, let id): return "Thay đổi từ lần chạy \(old) đến lần chạy \(new), \(name) [\(id)]"
        case .oldRun(let label, let digest): return "lần chạy cũ: \(label) (tiêu chí \(digest))"
        case .newRun(let label, let digest): return "lần chạy mới: \(label) (tiêu chí \(digest))"
        case .noImpact: return "Không ai được thêm hay mất khen thưởng, hạng hay xếp loại."
        case .awardAdded(let eligible, let kind, let awarded):
            return "mới thêm\n  đủ điều kiện \(c(eligible)) \(Self.vi(kind)), khen thưởng \(c(awarded))"
        case .awardRemoved(let eligible, let kind, let awarded):
            return "đã bỏ\n  trước đây đủ điều kiện \(c(eligible)) \(Self.vi(kind)), khen thưởng \(c(awarded))"
        case .awardCountsChange(let eligible, let awarded): return "đủ điều kiện \(eligible), khen thưởng \(awarded)"
        case .changeSummary(let gains, let losses, let becomeEligible, let loseEligibility):
            var parts: [String] = []
            if gains > 0 { parts.append("\(c(gains)) được khen thưởng thêm") }
            if losses > 0 { parts.append("\(c(losses)) mất khen thưởng") }
            if becomeEligible > 0 { parts.append("\(c(becomeEligible)) đủ điều kiện nhưng ngoài chỉ tiêu") }
            if loseEligibility > 0 { parts.append("\(c(loseEligibility)) không còn đủ điều kiện") }
            return parts.joined(separator: ", ")
        case .change(let kind):
            switch kind {
            case .gainsAward: return "được khen thưởng"
            case .losesAward: return "mất khen thưởng"
            case .becomesEligible: return "đủ điều kiện"
            case .losesEligibility: return "không còn đủ điều kiện"
            }
        case .criterionLegend(let id, let text): return "tiêu chuẩn \(id): \(text)"
        case .scoringAdded(let count, let kind): return "mới thêm\n  chấm điểm \(c(count)) \(Self.vi(kind))"
        case .scoringRemoved(let count, let kind): return "đã bỏ\n  trước đây chấm điểm \(c(count)) \(Self.vi(kind))"
        case .movedInRank(let count, let kind): return "\(c(count)) \(Self.vi(kind)) đổi hạng hoặc xếp loại"
        case .nowApplies: return "nay được xét"
        case .noLongerApplies: return "không còn được xét"
        case .quotaPlaceChange(let old, let new): return "thứ tự trong chỉ tiêu \(old) → \(new)"
        case .beyondQuota(let place): return "ngoài chỉ tiêu: thứ tự \(place)"
        case .watchEvaluated: return "đã xét"
        case .watchReloadFailed: return "không nạp lại được"
        case .watchAfterChange(let files): return " sau khi sửa " + files.joined(separator: ", ")
        case .watching(let rules, let data, let seconds):
            return "đang theo dõi \(rules)/**/*.lua và \(data)/ (kiểm tra mỗi \(n(seconds)) giây); Ctrl-C để dừng"
        case .wrote(let path): return "đã ghi \(path)"
        case .changesSinceLastGood: return "Thay đổi so với lần xét được gần nhất:"
        case .noGoodResultYet: return "chưa có kết quả xét được"
        case .resultAboveIsLastGood: return "kết quả ở trên là lần xét được gần nhất"
        case .rulesNeedFix: return "cần sửa bộ tiêu chí:"
        case .dataNeedsFix: return "cần sửa số liệu:"
        case .stoppedWatching: return "đã dừng theo dõi"
        }
    }

    static func vi(_ kind: SubjectKind) -> String { kind == .member ? "đoàn viên" : "đơn vị" }

    /// The group a quota's `within` names, as an officer says it.
    static func vi(field: String) -> String {
        switch field {
        case "unit": "đơn vị"
        case "parent": "công đoàn cấp trên"
        case "cluster": "cụm, khối thi đua"
        case "district": "địa bàn"
        default: "nhóm theo cột \(field)"
        }
    }
}
