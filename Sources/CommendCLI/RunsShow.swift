import ArgumentParser
import Commend
import CommendStore
import Foundation

struct RunsShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a recorded run's result.",
        discussion: """
            --format json prints the JSON result byte for byte as `evaluate --format json`
            wrote it when the run was recorded. The other formats are made from that JSON
            (the declarations' source lines and quota settings are not recorded).
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption

    @Argument(help: ArgumentHelp("The run id (commend runs list).", valueName: "run"))
    var runID: Int64

    @Option(help: "Output format: table (readable text), json (as recorded), csv, md or html.")
    var format: Evaluate.Format = .table

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    func run() throws {
        let store = try self.store.openForReading()
        let sink = try OutputSink.to(out)
        if format == .json {
            try store.writeJSON(of: runID, to: sink)
        } else {
            let result = try store.result(of: runID)
            switch format {
            case .table: ReportFormat.write(result, style: .plain, language: language.lang, to: sink)
            case .md: ReportFormat.write(result, style: .markdown, language: language.lang, to: sink)
            case .html: ReportFormat.write(result, style: .html, language: language.lang, to: sink)
            case .csv: CSVFormat.write(result, to: sink)
            case .json: break
            }
        }
        try sink.commit()
    }
}
