import ArgumentParser
import Commend
import CommendStore
import Foundation

struct HistoryExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store's history as CSV (subject,award,year).",
        discussion: """
            Every award of a finalized run and every imported row, each (subject, award,
            year) once, sorted by subject, award and year: the file can serve as another
            data directory's history.csv, or be imported into another store.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Only years before this one.")
    var before: Int?

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    func run() throws {
        let entries = try store.openForReading().history(before: before)
        let sink = try OutputSink.to(out)
        sink.write("subject,award,year\n")
        for entry in entries { sink.write("\(CSVFormat.field(entry.subject)),\(CSVFormat.field(entry.award)),\(entry.year)\n") }
        try sink.commit()
    }
}
