import Commend

/// Every label a document prints, in each language: the one catalog of the
/// reports (templates receive them as `labels.KEY`). A template copied by an
/// administrator may also write its own words instead.
public enum DocumentStrings {
    public enum Key: String, CaseIterable, Sendable {
        case nation, motto, number, title, titleReport
        case proposalOf, reportFirst, reportFinal, basis
        case stt, memberName, unitName, position, unit, achievement, note
        case members, units, totalMembers, totalUnits, none
        case preparer, onBehalf, chair, signHint
        case summary, summaryText, awardsHeading, award, considered, eligible, awarded, limit, quota
        case districts, district, scorings, cluster, rank, bonus, penalty, total, grade
        case chartOf, leftOut, leftOutNone, group, place, orderValue, ties, tieText, tieNoOrder
        case previousYear, noStore, filterUnit, filterAwardedOnly
        case summarySheet, phase, from, to, plan, date, yes, no, points
        case quotaShare, quotaEligible, quotaMax, quotaWithin, quotaWithinUnit, quotaWithinCluster, quotaWithinParent, subjectId, tieCount, tieInside, tieOutside, maxPoints, eitherName, previousLine, lastYear, thisYear, change
    }

    public static func text(_ key: Key, _ language: Language) -> String {
        (language == .vi ? vi : en)[key] ?? key.rawValue
    }

    /// `{0}`, `{1}` ... in the text replaced by the arguments.
    public static func format(_ key: Key, _ language: Language, _ arguments: [String]) -> String {
        var out = text(key, language)
        for (i, argument) in arguments.enumerated() {
            out = out.replacingOccurrences(of: "{\(i)}", with: argument)
        }
        return out
    }

    /// Every label of a language, for templates.
    public static func labels(_ language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, text($0, language)) })
    }

    static let vi: [Key: String] = [
        .nation: "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        .motto: "Độc lập - Tự do - Hạnh phúc",
        .number: "Số: ....../DS-LĐLĐ",
        .title: "DANH SÁCH",
        .titleReport: "BÁO CÁO",
        .proposalOf: "Đề nghị khen thưởng {0}",
        .reportFirst: "Sơ kết {0}",
        .reportFinal: "Tổng kết {0}",
        .basis: "(Căn cứ {0}; {1}, từ {2} đến {3})",
        .stt: "STT",
        .memberName: "Họ và tên",
        .unitName: "Tên tập thể",
        .position: "Chức vụ",
        .unit: "Đơn vị",
        .achievement: "Thành tích",
        .note: "Ghi chú",
        .members: "cá nhân",
        .units: "tập thể",
        .totalMembers: "Tổng số: {0} ({1}) cá nhân",
        .totalUnits: "Tổng số: {0} ({1}) tập thể",
        .none: "Không có ai được đề nghị.",
        .preparer: "NGƯỜI LẬP BIỂU",
        .onBehalf: "TM. BAN THƯỜNG VỤ",
        .chair: "CHỦ TỊCH",
        .signHint: "(Ký, ghi rõ họ tên)",
        .summary: "I. TỔNG QUAN",
        .summaryText: "Xét {0} đoàn viên và {1} tập thể theo {2} hình thức khen thưởng: đủ điều kiện {3} lượt, đề nghị khen thưởng {4} lượt ({5} cá nhân, {6} tập thể).",
        .awardsHeading: "II. KẾT QUẢ THEO HÌNH THỨC KHEN THƯỞNG",
        .award: "Hình thức khen thưởng",
        .considered: "Xét",
        .eligible: "Đủ điều kiện",
        .awarded: "Khen thưởng",
        .limit: "Hạn mức",
        .quota: "Chỉ tiêu",
        .districts: "III. KẾT QUẢ THEO ĐỊA BÀN, NGÀNH",
        .district: "Đơn vị cấp huyện, ngành",
        .scorings: "IV. CHẤM ĐIỂM, XẾP HẠNG THI ĐUA",
        .cluster: "Cụm, khối thi đua",
        .rank: "Hạng",
        .bonus: "Điểm thưởng",
        .penalty: "Điểm trừ",
        .total: "Tổng điểm",
        .grade: "Xếp loại",
        .chartOf: "Biểu đồ tổng điểm: {0}",
        .leftOut: "V. ĐỦ ĐIỀU KIỆN NHƯNG NGOÀI CHỈ TIÊU",
        .leftOutNone: "Không có ai đủ điều kiện mà ngoài chỉ tiêu.",
        .group: "Nhóm chỉ tiêu",
        .place: "Thứ tự",
        .orderValue: "Giá trị xếp thứ tự",
        .ties: "Bằng nhau tại ngưỡng chỉ tiêu",
        .tieText: "Những người bằng nhau về giá trị xếp thứ tự ở đúng ngưỡng chỉ tiêu được phân định theo mã đối tượng tăng dần:",
        .tieCount: "Số bằng nhau",
        .tieInside: "Được khen (trong chỉ tiêu)",
        .tieOutside: "Ngoài chỉ tiêu",
        .maxPoints: "tối đa",
        .eitherName: "Họ và tên, tên tập thể",
        .previousLine: "So sánh với {0} năm {1} (kết quả chính thức đã ghi) và {2} năm {3}:",
        .lastYear: "năm trước",
        .thisYear: "năm nay",
        .change: "Tăng, giảm",
        .tieNoOrder: "không có tiêu chí xếp thứ tự",
        .previousYear: "VI. SO SÁNH VỚI CÙNG KỲ NĂM TRƯỚC",
        .noStore: "Chưa có kho kết quả đã ghi (kết quả chính thức năm trước), nên chưa so sánh được với cùng kỳ năm trước.",
        .filterUnit: "Phạm vi: {0}",
        .filterAwardedOnly: "Chỉ các hình thức có người được khen thưởng.",
        .summarySheet: "Tổng hợp",
        .phase: "Đợt thi đua",
        .from: "Từ ngày",
        .to: "Đến ngày",
        .plan: "Kế hoạch",
        .date: "Ngày lập",
        .yes: "Có",
        .no: "Không",
        .points: "điểm",
        .quotaShare: "{0}% số {1}",
        .quotaEligible: "người đủ điều kiện",
        .quotaMax: "tối đa {0}",
        .quotaWithin: "trong mỗi nhóm \"{0}\"",
        .quotaWithinUnit: "trong mỗi đơn vị",
        .quotaWithinCluster: "trong mỗi cụm, khối thi đua",
        .quotaWithinParent: "trong mỗi đơn vị cấp trên",
        .subjectId: "Mã",
    ]

    static let en: [Key: String] = [
        .nation: "SOCIALIST REPUBLIC OF VIETNAM",
        .motto: "Independence - Freedom - Happiness",
        .number: "No.: ....../DS-LĐLĐ",
        .title: "LIST",
        .titleReport: "REPORT",
        .proposalOf: "Proposed commendations, {0}",
        .reportFirst: "Interim review, {0}",
        .reportFinal: "Year-end review, {0}",
        .basis: "(Under {0}; {1}, {2} to {3})",
        .stt: "No.",
        .memberName: "Full name",
        .unitName: "Collective",
        .position: "Position",
        .unit: "Unit",
        .achievement: "Achievement",
        .note: "Note",
        .members: "individuals",
        .units: "collectives",
        .totalMembers: "Total: {0} individuals",
        .totalUnits: "Total: {0} collectives",
        .none: "Nobody is proposed.",
        .preparer: "PREPARED BY",
        .onBehalf: "FOR THE STANDING COMMITTEE",
        .chair: "CHAIR",
        .signHint: "(Signature, full name)",
        .summary: "I. OVERVIEW",
        .summaryText: "{0} members and {1} collectives considered for {2} forms of commendation: {3} eligible, {4} proposed ({5} individuals, {6} collectives).",
        .awardsHeading: "II. RESULTS BY FORM OF COMMENDATION",
        .award: "Form of commendation",
        .considered: "Considered",
        .eligible: "Eligible",
        .awarded: "Awarded",
        .limit: "Limit",
        .quota: "Quota",
        .districts: "III. RESULTS BY DISTRICT AND SECTOR",
        .district: "District or sector federation",
        .scorings: "IV. SCORING AND RANKING",
        .cluster: "Cluster",
        .rank: "Rank",
        .bonus: "Bonus",
        .penalty: "Penalty",
        .total: "Total",
        .grade: "Grade",
        .chartOf: "Totals: {0}",
        .leftOut: "V. ELIGIBLE BUT LEFT OUT BY A QUOTA",
        .leftOutNone: "No eligible subject was left out by a quota.",
        .group: "Quota group",
        .place: "Place",
        .orderValue: "Order value",
        .ties: "Ties at a quota cut-off",
        .tieText: "Subjects with the same order value at a quota's cut-off are separated by subject id, ascending:",
        .tieCount: "Tied",
        .tieInside: "Awarded (inside the limit)",
        .tieOutside: "Left out",
        .maxPoints: "at most",
        .eitherName: "Name",
        .previousLine: "Compared with {0} of {1} (the recorded official result) and {2} of {3}:",
        .lastYear: "last year",
        .thisYear: "this year",
        .change: "Change",
        .tieNoOrder: "the award has no order",
        .previousYear: "VI. CHANGE AGAINST THE PREVIOUS YEAR",
        .noStore: "No store of recorded runs (last year's official results), so no comparison with the same phase of the previous year.",
        .filterUnit: "Scope: {0}",
        .filterAwardedOnly: "Only forms of commendation someone received.",
        .summarySheet: "Summary",
        .phase: "Phase",
        .from: "From",
        .to: "To",
        .plan: "Plan",
        .date: "Date",
        .yes: "Yes",
        .no: "No",
        .points: "points",
        .quotaShare: "{0}% of {1}",
        .quotaEligible: "the eligible",
        .quotaMax: "at most {0}",
        .quotaWithin: "per \"{0}\"",
        .quotaWithinUnit: "per unit",
        .quotaWithinCluster: "per cluster",
        .quotaWithinParent: "per parent unit",
        .subjectId: "Id",
    ]
}
