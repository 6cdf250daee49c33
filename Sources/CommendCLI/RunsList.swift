import ArgumentParser
import Commend
import CommendStore
import Foundation

struct RunsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the recorded runs, oldest first.",
        discussion: """
            JSON: an array of {"id", "plan", "phase", "rules_digest", "data_digest",
            "recorded_at", "finalized", "year", "engine_version", "replaced_by"}
            (recorded_at in UTC, ISO 8601; replaced_by: the run that replaced a
            finalized one, else null).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption

    @Option(help: "Only runs of this plan id.")
    var plan: String?

    @Option(help: "Only runs of this phase id.")
    var phase: String?

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    func run() throws {
        let runs = try store.openForReading().runs(plan: plan, phase: phase)
        let sink = OutputSink()
        switch format {
        case .json: sink.write(Self.json(runs))
        case .table: sink.write(Self.table(runs, language.wording))
        }
        try sink.commit()
    }

    static func json(_ runs: [RecordedRun]) -> String {
        let objects = runs.map { run in
            "  {\"id\": \(run.id), \"plan\": \(quoted(run.plan)), \"phase\": \(quoted(run.phase)), "
                + "\"rules_digest\": \(quoted(run.rulesDigest)), \"data_digest\": \(quoted(run.dataDigest)), "
                + "\"recorded_at\": \(quoted(run.recordedAt)), \"finalized\": \(run.finalized), "
                + "\"year\": \(run.year), \"engine_version\": \(quoted(run.engineVersion)), "
                + "\"replaced_by\": \(run.replacedBy.map(String.init) ?? "null")}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    static func table(_ runs: [RecordedRun], _ say: Wording) -> String {
        if runs.isEmpty { return say(.noRuns) + "\n" }
        let columns: [Message.StoreColumn] = [.run, .plan, .year, .phase, .recorded, .status, .rules, .data]
        var table = TextTable(columns.map { say(.storeColumn($0)) })
        for run in runs {
            let final = run.finalized ? say(.runFinal) : run.replacedBy.map { say(.runReplaced(by: $0)) } ?? ""
            table.add([String(run.id), run.plan, String(run.year), run.phase, run.recordedAt, final,
                       short(run.rulesDigest), short(run.dataDigest)])
        }
        return table.plain()
    }

    /// `sha256:` and the first 12 hex digits.
    static func short(_ digest: String) -> String { String(digest.prefix(19)) }
}

/// A JSON string literal.
func quoted(_ text: String) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
}
