import Commend
import Foundation

/// Warnings of `evaluate` when the plan's year does not fit its phases or
/// the history it reads: moving to next year by changing `year` alone (or
/// evaluating last year's data under this year's plan) would otherwise
/// silently empty every streak title.
enum YearCheck {
    static func warnings(rules: RuleSet, phase id: String, history: [HistoryEntry]) -> [String] {
        let plan = rules.plan
        let place = "\(plan.location): warning: "
        var warnings: [String] = []
        if let phase = plan.phase(id) {
            let years = Set([phase.from, phase.to].compactMap { Int($0.prefix(4)) })
            if years != [plan.year] {
                warnings.append(place + "the plan's year is \(plan.year) but phase \(phase.id) runs from \(phase.from) to \(phase.to); check year and the phase dates in the plan")
            }
        }
        let usesHistory = rules.files.declarationFiles.contains { file in
            let text = String(decoding: file.contents, as: UTF8.self)
            return text.contains("ctx.streak") || text.contains("ctx.history")
        } || rules.files.all.contains { String(decoding: $0.contents, as: UTF8.self).contains("ctx.streak") }
        let previous = plan.year - 1
        if (usesHistory || !history.isEmpty) && !history.contains(where: { $0.year == previous }) {
            let known = Set(history.map(\.year)).sorted()
            let have = known.isEmpty ? "there is no history at all"
                : "the history has \(known.map(String.init).joined(separator: ", "))"
            warnings.append(place + "no history for \(previous), the year before the plan's year \(plan.year) (\(have)): ctx.history and ctx.streak count nothing in \(previous), so streak titles may come out empty. Finalize last year's runs (commend runs finalize), import their history (commend history import), add \(previous) to history.csv, or check the plan's year")
        }
        return warnings
    }
}
