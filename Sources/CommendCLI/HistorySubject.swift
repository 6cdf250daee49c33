import ArgumentParser
import Commend
import CommendStore
import Foundation

struct HistorySubject: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subject",
        abstract: "Every award, rank and grade a subject received, by year and phase.",
        discussion: """
            From the finalized runs (every recorded run with --all) and the imported
            history rows. An award for which the subject was eligible but left out by
            the quota is listed as "eligible, not awarded".
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption

    @Argument(help: "The subject id (a member or unit id).")
    var subject: String

    @Flag(help: "Include runs that are not finalized.")
    var all = false

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    func run() throws {
        let records = try store.openForReading().history(subject: subject, allRuns: all)
        let sink = OutputSink()
        switch format {
        case .table: sink.write(Self.table(records, language.wording))
        case .json: sink.write(Self.json(records))
        }
        try sink.commit()
    }

    static func table(_ records: [SubjectRecord], _ say: Wording) -> String {
        guard !records.isEmpty else { return say(.noHistory) + "\n" }
        let columns: [Message.StoreColumn] = [.year, .phase, .decision, .outcome, .run]
        var table = TextTable(columns.map { say(.storeColumn($0)) })
        for r in records {
            let outcome = switch r.kind {
            case .award: say(r.awarded == false ? .eligibleNotAwarded : .historyAwarded)
            case .scoring: say(.historyScore(rank: r.rank, grade: r.grade, total: r.total))
            }
            let run = r.run.map { r.finalized ? String($0) : say(.runNotFinal($0)) } ?? say(.historyImported)
            table.add([String(r.year), r.phase ?? "", r.decision, outcome, run])
        }
        return table.plain()
    }

    static func json(_ records: [SubjectRecord]) -> String {
        let objects = records.map { r in
            "  {\"year\": \(r.year), \"phase\": \(r.phase.map(quoted) ?? "null"), \"kind\": \(quoted(r.kind.rawValue)), "
                + "\"id\": \(quoted(r.decision)), \"awarded\": \(r.awarded.map(String.init) ?? "null"), "
                + "\"rank\": \(r.rank.map(String.init) ?? "null"), \"grade\": \(r.grade.map(quoted) ?? "null"), "
                + "\"total\": \(r.total.map(plainNumber) ?? "null"), \"run\": \(r.run.map(String.init) ?? "null"), "
                + "\"finalized\": \(r.finalized)}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}

/// A number as JSON writes it: integral values without a fraction.
func plainNumber(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
