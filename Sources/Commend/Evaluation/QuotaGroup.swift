/// The group of a subject for a quota's `within` (RULES.md §2.2): the value
/// of that field of the subject; for a member without such a field, the
/// value of the member's unit (so `within = "cluster"` on a member award
/// groups members by the cluster of their unit, in the phase evaluated).
struct QuotaGroup {
    let within: String?
    let view: KindView
    let units: KindView
    private let throughUnit: Bool

    init(within: String?, view: KindView, units: KindView) {
        self.within = within
        self.view = view
        self.units = units
        throughUnit = within.map { view.kind == .member && !view.columns.contains($0) && $0 != "id" } ?? false
    }

    func group(_ row: Int) -> String? {
        guard let within else { return nil }
        guard throughUnit else { return view.string(row: row, column: within) }
        guard let unit = view.string(row: row, column: "unit"), let u = units.row(of: unit) else { return nil }
        return units.string(row: u, column: within)
    }
}
